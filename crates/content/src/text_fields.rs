//! Every piece of text in a topic, with where it is written, for checks that look at all text.

use super::field_path::FieldPath;
use super::model::Topic;

impl Topic {
    /// Every text value in the topic, with its path in the file.
    pub fn text_fields(&self) -> Vec<(FieldPath, &str)> {
        let root = FieldPath::root();
        let mut fields: Vec<(FieldPath, &str)> = vec![
            (root.key("id"), &self.id),
            (root.key("language"), &self.language),
            (root.key("title"), &self.title),
            (root.key("subtitle"), &self.subtitle),
            (root.key("summary"), &self.summary),
            (root.key("category"), &self.category),
            (root.key("review").key("reviewed_by"), &self.review.reviewed_by),
        ];
        if let Some(url) = &self.url {
            fields.push((root.key("url"), url));
        }
        for (n, keyword) in self.keywords.iter().enumerate() {
            fields.push((root.key("keywords").index(n), keyword));
        }
        for (n, id) in self.related.iter().enumerate() {
            fields.push((root.key("related").index(n), id));
        }
        for (n, name) in self.also_called.iter().enumerate() {
            fields.push((root.key("also_called").index(n), name));
        }
        for (n, code) in self.codes.iter().enumerate() {
            let at = root.key("codes").index(n);
            fields.push((at.key("code"), &code.code));
            fields.push((at.key("label"), &code.label));
        }
        for (n, source) in self.sources.iter().enumerate() {
            let at = root.key("sources").index(n);
            fields.push((at.key("title"), &source.title));
            if let Some(url) = &source.url {
                fields.push((at.key("url"), url));
            }
        }
        for (n, section) in self.sections.iter().enumerate() {
            let at = root.key("sections").index(n);
            if let Some(title) = &section.title {
                fields.push((at.key("title"), title));
            }
            fields.push((at.key("intro"), &section.intro));
            for (i, item) in section.items.iter().enumerate() {
                fields.push((at.key("items").index(i), item));
            }
        }
        for (n, check) in self.teach_back.iter().enumerate() {
            let at = root.key("check").index(n);
            fields.push((at.key("question"), &check.question));
            for (a, answer) in check.answers.iter().enumerate() {
                fields.push((at.key("answers").index(a), answer));
            }
            fields.push((at.key("explain"), &check.explain));
        }
        for (n, entry) in self.faq.iter().enumerate() {
            let at = root.key("faq").index(n);
            fields.push((at.key("question"), &entry.question));
            fields.push((at.key("answer"), &entry.answer));
        }
        fields
    }
}
