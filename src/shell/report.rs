//! How `validate` prints problems: annotated (the offending line with a caret under the spot,
//! by annotate-snippets), one line each, or JSON for CI pipelines.

use std::io::IsTerminal as _;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use kiosk_content::{Diagnostic, Severity, printable};
use serde_json::json;

use super::cli::ReportFormat;

/// Prints every problem in `format`, to standard output: annotated in colour on a terminal
/// (unless `NO_COLOR`), plain otherwise.
pub fn print_all(diagnostics: &[Diagnostic], format: ReportFormat) {
    let renderer = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in diagnostics {
        match format {
            ReportFormat::Human => println!("{}\n", annotated(diagnostic, &renderer)),
            ReportFormat::Short => println!("{diagnostic}"),
            ReportFormat::Json => println!("{}", json_line(diagnostic)),
        }
    }
}

/// The problem as `validate` prints it by default: the title, where, the line, and a hint.
pub fn annotated(diagnostic: &Diagnostic, renderer: &Renderer) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = printable(&diagnostic.message);
    let file = printable(&diagnostic.file);
    let title = level.primary_title(message.as_ref()).id(diagnostic.code);
    let mut group = match &diagnostic.excerpt {
        Some(excerpt) => {
            let bytes = |column: usize| {
                excerpt.line.char_indices().nth(column).map_or(excerpt.line.len(), |(i, _)| i)
            };
            let span =
                bytes(excerpt.columns.start)..bytes(excerpt.columns.end).max(bytes(excerpt.columns.start));
            title.element(
                Snippet::source(excerpt.line.as_str())
                    .line_start(diagnostic.position.line)
                    .path(file.as_ref())
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        None => title.element(
            Origin::path(file.as_ref())
                .line(diagnostic.position.line)
                .char_column(diagnostic.position.column),
        ),
    };
    if let Some(hint) = &diagnostic.hint {
        group = group.element(Level::HELP.message(printable(hint).into_owned()));
    }
    renderer.render(&[group])
}

/// The problem as one JSON object on one line.
pub fn json_line(diagnostic: &Diagnostic) -> String {
    let mut object = json!({
        "file": diagnostic.file,
        "line": diagnostic.position.line,
        "column": diagnostic.position.column,
        "severity": diagnostic.severity.to_string(),
        "code": diagnostic.code,
        "message": diagnostic.message,
    });
    if let Some(hint) = &diagnostic.hint {
        object["hint"] = json!(hint);
    }
    object.to_string()
}
