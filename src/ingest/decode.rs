//! Bytes to text: what encoding a file is in, and whether it is text at all.
//!
//! Analysts' files come from everywhere: UTF-8 from a browser's copy, "Unicode" (UTF-16) from
//! Windows Notepad, with or without a byte-order mark, Windows-1251 or KOI8-R from older Russian
//! tools, and now and then a PDF or image renamed `.html`. Each is read as what it is, and a file
//! that is not text is refused with a message, never published as a page of `�`.

use std::path::Path;

use crate::diag::Diagnostic;

/// How much of a file the sniffers look at: enough to decide, cheap on huge files.
const SNIFF_BYTES: usize = 8192;

/// Share of control bytes (other than tab, newlines and form feed) above
/// which a file is binary. Text has none; a compressed or image file has about one in eight.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// Share of bytes in broken UTF-8 sequences below which a file is UTF-8 with a few corrupt
/// characters (decoded lossily), not a file in another encoding.
const MAX_BROKEN_UTF8_SHARE: f64 = 0.002;

/// Decode `bytes`: UTF-8 (BOM optional), UTF-16 (with a BOM, or recognised by its zero
/// bytes), or a legacy 8-bit encoding guessed by chardetng. Binary files are refused with an
/// error diagnostic; guesses and lossy decodes get a warning. Line ends become `\n`.
pub fn decode(bytes: &[u8], display: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    let text = if let Some(text) = utf16(bytes) {
        text
    } else if looks_binary(bytes) {
        diags.push(
            Diagnostic::error(
                display,
                "binary-file",
                "does not look like text (it holds control bytes no text file has); skipped",
            )
            .with_hint("articles must be text: Markdown, a clipping, or a page saved as HTML"),
        );
        return None;
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(e) => not_utf8(bytes, e, display, diags),
        }
    };
    Some(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// UTF-16 text: with a byte-order mark, or without one when the zero high bytes of mostly
/// Latin text sit in every other byte.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (rest, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        _ => (bytes, utf16_without_bom(bytes)?),
    };
    let units = rest.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// `Some(true)` for UTF-16LE, `Some(false)` for UTF-16BE, `None` when the zero bytes do not
/// fall on one side. Text in a non-Latin script has few zero bytes; its UTF-16 without a BOM
/// is rare (Notepad writes one) and falls through to the binary check.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if sample.len() < 8 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let pairs = sample.len() / 2;
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let rarely = |n: usize| n * 50 <= pairs;
    match (mostly(odd) && rarely(even), mostly(even) && rarely(odd)) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A file with NUL bytes, or more control bytes than text ever has.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    control as f64 > sample.len() as f64 * MAX_CONTROL_SHARE
}

/// Text that is not valid UTF-8: broken sequences among valid multi-byte characters, or very
/// few of them, are corruption (replaced, with a warning at the first one's line); otherwise
/// the file is in another encoding, which chardetng guesses.
fn not_utf8(
    bytes: &[u8],
    first: std::str::Utf8Error,
    display: &Path,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let (broken, multibyte) = utf8_evidence(bytes);
    if multibyte >= broken || (broken as f64) <= bytes.len() as f64 * MAX_BROKEN_UTF8_SHARE {
        let line = line_at(bytes, first.valid_up_to());
        diags.push(
            Diagnostic::warning(
                display,
                "invalid-utf8",
                format!(
                    "invalid UTF-8 at byte {}; undecodable bytes were replaced with `\u{FFFD}`",
                    first.valid_up_to()
                ),
            )
            .at_line(line)
            .with_hint("save the file as UTF-8"),
        );
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    let (text, _, had_errors) = encoding.decode(bytes);
    diags.push(
        Diagnostic::warning(
            display,
            "not-utf8",
            format!(
                "not UTF-8; read as {} (a guess){}",
                encoding.name(),
                if had_errors {
                    ", with undecodable bytes replaced"
                } else {
                    ""
                }
            ),
        )
        .with_hint("check the page reads right, and save the file as UTF-8 to be sure"),
    );
    text.into_owned()
}

/// How many bytes fall in invalid UTF-8 sequences, and how many valid multi-byte characters
/// there are: text in a legacy encoding has next to none of the latter.
fn utf8_evidence(mut bytes: &[u8]) -> (usize, usize) {
    let multibyte = |valid: &[u8]| valid.iter().filter(|&&b| b >= 0xC0).count();
    let (mut broken, mut good) = (0, 0);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return (broken, good + multibyte(bytes)),
            Err(e) => {
                good += multibyte(&bytes[..e.valid_up_to()]);
                let skip = e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                broken += skip;
                bytes = &bytes[e.valid_up_to() + skip..];
            }
        }
    }
}

/// 1-based line of byte `offset`.
fn line_at(bytes: &[u8], offset: usize) -> u32 {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8]) -> (Option<String>, Vec<String>) {
        let mut diags = Vec::new();
        let text = decode(bytes, Path::new("a.txt"), &mut diags);
        (text, diags.iter().map(|d| d.code.to_string()).collect())
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            run(b"\xEF\xBB\xBFHello\r\nworld").0.unwrap(),
            "Hello\nworld"
        );
        assert_eq!(run("Привет".as_bytes()), (Some("Привет".into()), vec![]));
    }

    #[test]
    fn utf16_with_a_bom_or_recognised_without() {
        let text = "Talks in Bishkek ended with an agreement.\r\nDate: 2026-01-05";
        for (bom, le) in [(true, true), (true, false), (false, true), (false, false)] {
            let mut bytes = match (bom, le) {
                (true, true) => vec![0xFF, 0xFE],
                (true, false) => vec![0xFE, 0xFF],
                _ => vec![],
            };
            bytes.extend(text.encode_utf16().flat_map(|u| {
                if le {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            }));
            let (decoded, codes) = run(&bytes);
            assert_eq!(decoded.unwrap(), text.replace("\r\n", "\n"), "{bom} {le}");
            assert!(codes.is_empty());
        }
    }

    #[test]
    fn binary_files_are_refused_with_or_without_nul_bytes() {
        // A deterministic pseudo-random "image" with no zero byte.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let noise: Vec<u8> = (0..4000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state as u8).max(1)
            })
            .collect();
        assert_eq!(run(&noise), (None, vec!["binary-file".into()]));
        assert_eq!(
            run(b"%PDF-1.4\n\x00\x01stream"),
            (None, vec!["binary-file".into()])
        );
    }

    #[test]
    fn a_few_broken_bytes_are_replaced_with_a_warning_at_their_line() {
        let mut bytes = "Ordinary text line.\n".repeat(400).into_bytes();
        bytes.extend(b"bad \xFF byte\n");
        let mut diags = Vec::new();
        let text = decode(&bytes, Path::new("a.txt"), &mut diags).unwrap();
        assert!(text.contains("bad \u{FFFD} byte"));
        assert_eq!(diags[0].code, "invalid-utf8");
        assert_eq!(diags[0].line, Some(401));
    }

    #[test]
    fn utf8_cyrillic_with_a_broken_byte_stays_utf8() {
        let mut bytes = "Министр иностранных дел провёл переговоры.\n"
            .as_bytes()
            .to_vec();
        bytes.extend(b"\xFF\xFE\n");
        let (text, codes) = run(&bytes);
        assert!(text.unwrap().starts_with("Министр"));
        assert_eq!(codes, ["invalid-utf8"]);
    }

    #[test]
    fn latin1_accents_are_read_as_windows_1252() {
        let (text, codes) = run(b"Caf\xe9 opened in Bishkek.\n");
        assert_eq!(text.unwrap(), "Café opened in Bishkek.\n");
        assert_eq!(codes, ["not-utf8"]);
    }

    #[test]
    fn legacy_cyrillic_encodings_are_guessed() {
        let text = "Президент Кыргызстана провёл переговоры с министром иностранных дел \
                    Российской Федерации. Стороны подписали меморандум о сотрудничестве.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
        let (decoded, codes) = run(&bytes);
        assert_eq!(decoded.unwrap(), text);
        assert_eq!(codes, ["not-utf8"]);
    }
}
