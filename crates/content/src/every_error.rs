//! All of a file's problems in one run, not one a run: the reader stops at its first problem,
//! so that key is taken out of the parsed file and the file read again, until it reads or
//! nothing more can be taken out. Three typos take one run of `validate`, not three.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The most problems reported for one file.
pub const MAX_PROBLEMS: usize = 50;

/// Takes out of `table` the entry (or list element) a problem at `span` is about; whether one
/// was found. The innermost entry holding the span goes, so its neighbours are still read.
pub fn take_out(table: &mut DeTable<'_>, span: &Range<usize>) -> bool {
    let holds = |outer: Range<usize>| outer.start <= span.start && span.end <= outer.end && outer != (0..0);
    // Tables and lists first: the span of `[[sections]]` need not cover what is under it.
    for (_, value) in table.iter_mut() {
        if matches!(value.get_ref(), DeValue::Table(_) | DeValue::Array(_)) && take_out_within(value, span) {
            return true;
        }
    }
    let doomed = table
        .iter()
        .find(|(key, value)| holds(key.span()) || holds(value.span()))
        .map(|(key, _)| key.get_ref().to_string());
    match doomed {
        Some(key) => table.remove(key.as_str()).is_some(),
        None => false,
    }
}

/// Inside a value: a table's entry or a list's element holding the span.
fn take_out_within(value: &mut Spanned<DeValue<'_>>, span: &Range<usize>) -> bool {
    match value.get_mut() {
        DeValue::Table(table) => take_out(table, span),
        DeValue::Array(array) => {
            // An element of a list of tables that holds the span in one of its entries.
            if array.iter_mut().any(|element| take_out_within(element, span)) {
                return true;
            }
            let holds = |outer: Range<usize>| outer.start <= span.start && span.end <= outer.end;
            let Some(index) = array.iter().position(|element| holds(element.span())) else { return false };
            // A parsed list has no `remove`: it is made again without the element.
            let rest =
                array.iter().enumerate().filter(|(at, _)| *at != index).map(|(_, element)| element.clone());
            *array = rest.collect();
            true
        }
        _ => false,
    }
}
