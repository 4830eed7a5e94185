//! Grey pictures read back from real renderers (pdftoppm, ImageMagick), and the QR codes in
//! them.

use std::path::Path;

/// A grey picture: width, height, one byte a pixel.
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

impl Picture {
    /// A binary PGM file (P5, 8 bits): `P5 <width> <height> <max>`, then one byte a pixel.
    pub fn read_pgm(path: &Path) -> Picture {
        let bytes = std::fs::read(path).expect("the picture as PGM");
        let mut fields = Vec::new();
        let mut at = 0;
        while fields.len() < 4 {
            while bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let start = at;
            while !bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
        }
        assert_eq!(fields[0], "P5", "{}: a binary PGM", path.display());
        let (width, height) = (fields[1].parse().expect("width"), fields[2].parse().expect("height"));
        Picture { width, height, pixels: bytes[at + 1..].to_vec() }
    }

    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.pixels[y * self.width + x]
    }

    /// The QR codes in the picture, decoded from its raw pixels.
    pub fn qr_codes(&self) -> Vec<String> {
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(self.width, self.height, |x, y| self.at(x, y));
        image.detect_grids().into_iter().filter_map(|grid| grid.decode().ok().map(|(_, text)| text)).collect()
    }
}
