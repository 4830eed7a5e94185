//! QR codes for web addresses: as modules for the terminal, as half-block text for printed
//! handouts, and as SVG for HTML handouts.

use qrcode::render::svg;
use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, as the QR standard asks, so any phone can find it.
pub const QUIET_ZONE: usize = 4;

/// A QR code as a square of modules, quiet zone included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrModules {
    /// Modules on a side.
    pub size: usize,
    /// Whether each module is dark, row by row.
    dark: Vec<bool>,
}

impl QrModules {
    /// The code for `text`, with the lowest error correction (a screen or a clean print needs
    /// no more, and it keeps the code small enough for an 80×24 terminal); `None` if the text
    /// is too long for any QR code.
    pub fn new(text: &str) -> Option<QrModules> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
        let inner = code.width();
        let size = inner + 2 * QUIET_ZONE;
        let colors = code.to_colors();
        let mut dark = vec![false; size * size];
        for y in 0..inner {
            for x in 0..inner {
                dark[(y + QUIET_ZONE) * size + x + QUIET_ZONE] = colors[y * inner + x] == Color::Dark;
            }
        }
        Some(QrModules { size, dark })
    }

    /// Whether the module at (x, y) is dark; outside the code is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark[y * self.size + x]
    }

    /// Rows of text, two modules a character (▀ ▄ █ and space), dark modules as ink: for
    /// printing on paper.
    pub fn to_half_blocks(&self) -> Vec<String> {
        (0..self.size.div_ceil(2))
            .map(|row| {
                (0..self.size)
                    .map(|x| match (self.is_dark(x, 2 * row), self.is_dark(x, 2 * row + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect()
            })
            .collect()
    }
}

/// The code for `text` as an SVG element, black on white; `None` if the text is too long.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok()?;
    Some(
        code.render::<svg::Color<'_>>()
            .min_dimensions(160, 160)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_has_a_light_quiet_zone_and_dark_finder_corners() {
        let code = QrModules::new("https://example.org/vertebroplasty").expect("fits");
        assert_eq!(code.size, 29 + 2 * QUIET_ZONE);
        assert!((0..code.size).all(|i| !code.is_dark(i, 0) && !code.is_dark(0, i)));
        assert!(code.is_dark(QUIET_ZONE, QUIET_ZONE), "finder pattern corner");
        assert_eq!(code.to_half_blocks().len(), code.size.div_ceil(2));
    }

    #[test]
    fn the_bundled_address_fits_an_80_by_24_terminal() {
        let url = "https://www.mayoclinic.org/tests-procedures/vertebroplasty/care-at-mayo-clinic/appointments/prc-20021308";
        let code = QrModules::new(url).expect("fits");
        assert!(code.size.div_ceil(2) <= 23, "{} rows", code.size.div_ceil(2));
    }

    #[test]
    fn svg_is_a_self_contained_element() {
        let svg = qr_svg("https://example.org").expect("fits");
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
        assert!(!svg.contains("href"), "no external references");
    }
}
