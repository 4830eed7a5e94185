//! The name of every piece of interface text. Each is looked up in a language's catalog file
//! (`content/ui/<language>.toml`) by its key.

use crate::SectionKind;

macro_rules! messages {
    ($($variant:ident = $key:literal,)*) => {
        /// One piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $(
                #[doc = concat!("`", $key, "`")]
                $variant,
            )*
        }

        impl Msg {
            /// Every message, in catalog order.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            /// The message's key in a catalog file: a table name and a key, like `home.title`.
            pub fn key(self) -> &'static str {
                match self {
                    $(Msg::$variant => $key,)*
                }
            }
        }
    };
}

messages! {
    AppTitle = "app.title",
    LanguageName = "language.name",
    NotInLanguage = "language.topic_missing",
    HintLanguage = "hint.language",
    HintReadAloud = "hint.read_aloud",
    HelpKeysLanguage = "help.keys_language",
    HelpLanguage = "help.language",
    HelpKeysReadAloud = "help.keys_read_aloud",
    HelpReadAloud = "help.read_aloud",
    HelpStaff = "help.staff",
    FlashSpeechNotSetUp = "flash.speech_not_set_up",
    FlashSpeaking = "flash.speaking",
    FlashSpeakingTouch = "flash.speaking_touch",
    TranslationDraft = "topic.translation_draft",
    HomeInstructions = "home.instructions",
    HomeEmpty = "home.empty",
    HomeLoading = "home.loading",
    DraftBadge = "home.draft_badge",
    DraftNotice = "topic.draft_notice",
    AlsoCalled = "topic.also_called",
    ReviewedNotice = "topic.reviewed_notice",
    OverdueNotice = "topic.overdue_notice",
    OverdueBadge = "home.overdue_badge",
    PageOfTotal = "topic.page_of_total",
    PreviousPage = "topic.previous",
    MorePages = "topic.more_pages",
    NextPage = "topic.next",
    PagesArriving = "topic.pages_arriving",
    PageOverview = "page.overview",
    PageFaq = "page.faq",
    PageSources = "page.sources",
    PageCodes = "page.codes",
    FaqInstructions = "faq.instructions",
    SourcesIntro = "sources.intro",
    PageRelated = "related.title",
    RelatedInstructions = "related.instructions",
    PageTeachBack = "checks.title",
    PageTeachBackLabel = "checks.label",
    TeachBackInstructions = "checks.instructions",
    TeachBackSays = "checks.says",
    TeachBackGoTo = "checks.go_to",
    SourceLanguage = "sources.language",
    ReviewDraft = "review.draft",
    ReviewedBy = "review.reviewed_by",
    NextReview = "review.next_review",
    CodesIntro = "codes.intro",
    HintChoose = "hint.choose",
    HintOpen = "hint.open",
    HintSections = "hint.sections",
    HintScroll = "hint.scroll",
    HintQuestion = "hint.question",
    HintAnswer = "hint.answer",
    HintBack = "hint.back",
    HintHelp = "hint.help",
    HintQuit = "hint.quit",
    HelpTitle = "help.title",
    HelpClose = "help.close",
    HelpKeysSuspend = "help.keys_suspend",
    HelpSuspend = "help.suspend",
    HelpCloseTouch = "help.close_touch",
    HelpKeysUpDown = "help.keys_up_down",
    HelpUpDown = "help.up_down",
    HelpKeysSections = "help.keys_sections",
    HelpSections = "help.sections",
    HelpKeysNumbers = "help.keys_numbers",
    HelpNumbers = "help.numbers",
    HelpKeysPage = "help.keys_page",
    HelpPage = "help.page",
    HelpKeysEnds = "help.keys_ends",
    HelpEnds = "help.ends",
    HelpKeysEnter = "help.keys_enter",
    HelpEnter = "help.enter",
    HelpKeysBack = "help.keys_back",
    HelpBack = "help.back",
    HelpKeysSearch = "help.keys_search",
    HelpSearch = "help.search",
    HelpKeysTakeHome = "help.keys_take_home",
    HelpTakeHome = "help.take_home",
    HelpKeysPrint = "help.keys_print",
    HelpPrint = "help.print",
    HelpKeysHelp = "help.keys_help",
    HelpHelp = "help.help",
    HelpKeysQuit = "help.keys_quit",
    HelpQuit = "help.quit",
    HelpKeysMouse = "help.keys_mouse",
    HelpMouse = "help.mouse",
    TooSmall = "screen.too_small",
    ReadabilitySummary = "readability.summary",
    HandoutFrom = "handout.from",
    HandoutOnline = "handout.online",
    HandoutScan = "handout.scan",
    HandoutPhone = "handout.phone",
    AttractStart = "attract.start",
    AttractStartTouch = "attract.start_touch",
    AttractTopics = "attract.topics",
    IdleTitle = "idle.title",
    IdleBody = "idle.body",
    IdleBodyTouch = "idle.body_touch",
    IdleCountdownOne = "idle.countdown_one",
    IdleCountdownMany = "idle.countdown_many",
    PinTitle = "pin.title",
    PinPrompt = "pin.prompt",
    PinCancel = "pin.cancel",
    PinChecking = "pin.checking",
    PinNotSetUp = "pin.not_set_up",
    PinLockedOut = "pin.locked_out",
    FlashWrongPin = "flash.wrong_pin",
    FlashLockedOut = "flash.locked_out",
    FlashPrinting = "flash.printing",
    FlashPrinted = "flash.printed",
    FlashPrintFailed = "flash.print_failed",
    FlashPrintNotSetUp = "flash.print_not_set_up",
    FlashPrintBusy = "flash.print_busy",
    FlashPrintLimit = "flash.print_limit",
    FlashPrintAskStaff = "flash.print_ask_staff",
    FlashStaffModeEnded = "flash.staff_mode_ended",
    StaffBadge = "staff.badge",
    MenuStaffOn = "menu.staff_on",
    MenuStaffOff = "menu.staff_off",
    SearchTitle = "search.title",
    SearchPrompt = "search.prompt",
    SearchEmpty = "search.empty",
    SearchNothing = "search.nothing",
    SearchReading = "search.reading",
    SearchReadingMore = "search.reading_more",
    HintSearch = "hint.search",
    HintClose = "hint.close",
    HintTakeHome = "hint.take_home",
    HintPrint = "hint.print",
    TakeHomeTitle = "take_home.title",
    TakeHomeScan = "take_home.scan",
    TakeHomeTooSmall = "take_home.too_small",
    TakeHomeNeeds = "take_home.needs",
    TakeHomeClose = "take_home.close",
    TakeHomeCloseTouch = "take_home.close_touch",
    MenuTitle = "menu.title",
    MenuExit = "menu.exit",
    MenuReload = "menu.reload",
    MenuBack = "menu.back",
    MenuProblems = "menu.problems",
    MenuNoProblems = "menu.no_problems",
    MenuContent = "menu.content",
    SectionOverviewTitle = "section.overview.title",
    SectionOverviewLabel = "section.overview.label",
    SectionIndicationsTitle = "section.indications.title",
    SectionIndicationsLabel = "section.indications.label",
    SectionContraindicationsTitle = "section.contraindications.title",
    SectionContraindicationsLabel = "section.contraindications.label",
    SectionSymptomsTitle = "section.symptoms.title",
    SectionSymptomsLabel = "section.symptoms.label",
    SectionCausesTitle = "section.causes.title",
    SectionCausesLabel = "section.causes.label",
    SectionDiagnosisTitle = "section.diagnosis.title",
    SectionDiagnosisLabel = "section.diagnosis.label",
    SectionProcedureTitle = "section.procedure.title",
    SectionProcedureLabel = "section.procedure.label",
    SectionPreparationTitle = "section.preparation.title",
    SectionPreparationLabel = "section.preparation.label",
    SectionEmergencyTitle = "section.emergency.title",
    SectionEmergencyLabel = "section.emergency.label",
    SectionRecoveryTitle = "section.recovery.title",
    SectionRecoveryLabel = "section.recovery.label",
    SectionHomeCareTitle = "section.home-care.title",
    SectionHomeCareLabel = "section.home-care.label",
    SectionWarningSignsTitle = "section.warning-signs.title",
    SectionWarningSignsLabel = "section.warning-signs.label",
    SectionComplicationsTitle = "section.complications.title",
    SectionComplicationsLabel = "section.complications.label",
    SectionFollowUpTitle = "section.follow-up.title",
    SectionFollowUpLabel = "section.follow-up.label",
    SectionTreatmentTitle = "section.treatment.title",
    SectionTreatmentLabel = "section.treatment.label",
    SectionAlternativesTitle = "section.alternatives.title",
    SectionAlternativesLabel = "section.alternatives.label",
    SectionPreventionTitle = "section.prevention.title",
    SectionPreventionLabel = "section.prevention.label",
    SectionCostTitle = "section.cost.title",
    SectionCostLabel = "section.cost.label",
    SectionQuestionsTitle = "section.questions.title",
    SectionQuestionsLabel = "section.questions.label",
    QuestionsInstructions = "questions.instructions",
    SectionBillingTitle = "section.billing.title",
    SectionBillingLabel = "section.billing.label",
    SectionCustomTitle = "section.custom.title",
    SectionCustomLabel = "section.custom.label",
}

impl Msg {
    /// The default heading of a section of this kind ("When it is used").
    pub fn section_title(kind: SectionKind) -> Msg {
        Msg::section_messages(kind).0
    }

    /// The short name of a section of this kind in the list of sections ("Risks").
    pub fn section_label(kind: SectionKind) -> Msg {
        Msg::section_messages(kind).1
    }

    fn section_messages(kind: SectionKind) -> (Msg, Msg) {
        match kind {
            SectionKind::Overview => (Msg::SectionOverviewTitle, Msg::SectionOverviewLabel),
            SectionKind::Indications => (Msg::SectionIndicationsTitle, Msg::SectionIndicationsLabel),
            SectionKind::Contraindications => {
                (Msg::SectionContraindicationsTitle, Msg::SectionContraindicationsLabel)
            }
            SectionKind::Symptoms => (Msg::SectionSymptomsTitle, Msg::SectionSymptomsLabel),
            SectionKind::Causes => (Msg::SectionCausesTitle, Msg::SectionCausesLabel),
            SectionKind::Diagnosis => (Msg::SectionDiagnosisTitle, Msg::SectionDiagnosisLabel),
            SectionKind::Procedure => (Msg::SectionProcedureTitle, Msg::SectionProcedureLabel),
            SectionKind::Preparation => (Msg::SectionPreparationTitle, Msg::SectionPreparationLabel),
            SectionKind::Emergency => (Msg::SectionEmergencyTitle, Msg::SectionEmergencyLabel),
            SectionKind::Recovery => (Msg::SectionRecoveryTitle, Msg::SectionRecoveryLabel),
            SectionKind::HomeCare => (Msg::SectionHomeCareTitle, Msg::SectionHomeCareLabel),
            SectionKind::WarningSigns => (Msg::SectionWarningSignsTitle, Msg::SectionWarningSignsLabel),
            SectionKind::Complications => (Msg::SectionComplicationsTitle, Msg::SectionComplicationsLabel),
            SectionKind::FollowUp => (Msg::SectionFollowUpTitle, Msg::SectionFollowUpLabel),
            SectionKind::Alternatives => (Msg::SectionAlternativesTitle, Msg::SectionAlternativesLabel),
            SectionKind::Treatment => (Msg::SectionTreatmentTitle, Msg::SectionTreatmentLabel),
            SectionKind::Prevention => (Msg::SectionPreventionTitle, Msg::SectionPreventionLabel),
            SectionKind::Cost => (Msg::SectionCostTitle, Msg::SectionCostLabel),
            SectionKind::Questions => (Msg::SectionQuestionsTitle, Msg::SectionQuestionsLabel),
            SectionKind::Billing => (Msg::SectionBillingTitle, Msg::SectionBillingLabel),
            SectionKind::Custom => (Msg::SectionCustomTitle, Msg::SectionCustomLabel),
        }
    }
}
