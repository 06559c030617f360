//! Language identification: whatlang's trigram model, plus a letter check for Kyrgyz and Kazakh,
//! which whatlang does not know and would call Russian.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An ISO 639-1 language code (`en`, `ru`, `uk`, `ky`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// Validate a code as written in front matter or config (`"EN"` gives `en`).
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_lowercase();
        let ok = (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_lowercase());
        ok.then_some(Lang(code))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// English name of the language, or the code when unknown.
    pub fn name(&self) -> &str {
        NAMES
            .iter()
            .find(|(c, _)| *c == self.0)
            .map_or(&self.0, |(_, n)| n)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("ru", "Russian"),
    ("uk", "Ukrainian"),
    ("ky", "Kyrgyz"),
    ("kk", "Kazakh"),
    ("uz", "Uzbek"),
    ("tr", "Turkish"),
    ("de", "German"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("zh", "Chinese"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("ar", "Arabic"),
    ("fa", "Persian"),
    ("pl", "Polish"),
    ("be", "Belarusian"),
    ("tk", "Turkmen"),
    ("az", "Azerbaijani"),
    ("hy", "Armenian"),
    ("ka", "Georgian"),
    ("hi", "Hindi"),
    ("ur", "Urdu"),
    ("nl", "Dutch"),
    ("sv", "Swedish"),
    ("fi", "Finnish"),
    ("cs", "Czech"),
    ("hu", "Hungarian"),
    ("ro", "Romanian"),
    ("bg", "Bulgarian"),
    ("sr", "Serbian"),
    ("hr", "Croatian"),
    ("el", "Greek"),
    ("he", "Hebrew"),
    ("vi", "Vietnamese"),
    ("th", "Thai"),
    ("id", "Indonesian"),
];

/// Detect the language of `text`; `None` when the text is too short or ambiguous.
pub fn detect(text: &str) -> Option<Lang> {
    detect_sample(text.chars().take(SAMPLE).collect())
}

/// A couple of paragraphs settle the language; more only costs time.
const SAMPLE: usize = 800;

/// Detect the language of a title and its body, read as `"{title}\n{body}"` (what [`detect`]
/// would be given) without copying more of the body than the sample takes.
pub fn detect_article(title: &str, body: impl IntoIterator<Item = char>) -> Option<Lang> {
    let joined = title.chars().chain(['\n']).chain(body);
    detect_sample(joined.take(SAMPLE).collect())
}

fn detect_sample(sample: String) -> Option<Lang> {
    if let Some(lang) = turkic_cyrillic(&sample) {
        return Some(lang);
    }
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        // Short texts fool the trigram model ("Officials in Bishkek met..." reads as Spanish):
        // choose among the languages this kind of digest is written in, which the script
        // (Latin or Cyrillic) then settles.
        let likely = whatlang::Detector::with_allowlist(vec![
            whatlang::Lang::Eng,
            whatlang::Lang::Rus,
            whatlang::Lang::Ukr,
        ]);
        let lang = likely.detect_lang(&sample)?;
        return Lang::parse(iso639_1(lang)?);
    }
    Lang::parse(iso639_1(info.lang())?)
}

/// Kyrgyz (ң ө ү) and Kazakh (also ә ғ қ ұ һ і) are written in Cyrillic with letters Russian
/// lacks; a few per hundred Cyrillic letters settle it.
fn turkic_cyrillic(text: &str) -> Option<Lang> {
    let (mut cyrillic, mut shared, mut kazakh) = (0usize, 0usize, 0usize);
    for c in text.chars().flat_map(char::to_lowercase) {
        if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
        }
        match c {
            'ң' | 'ө' | 'ү' => shared += 1,
            'ә' | 'ғ' | 'қ' | 'ұ' | 'һ' => kazakh += 1,
            _ => {}
        }
    }
    if cyrillic < 20 || (shared + kazakh) * 100 < cyrillic {
        return None;
    }
    Lang::parse(if kazakh * 3 >= shared { "kk" } else { "ky" })
}

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Rus => "ru",
        Ukr => "uk",
        Bel => "be",
        Uzb => "uz",
        Tur => "tr",
        Tuk => "tk",
        Aze => "az",
        Hye => "hy",
        Kat => "ka",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Ara => "ar",
        Pes => "fa",
        Pol => "pl",
        Hin => "hi",
        Urd => "ur",
        Nld => "nl",
        Swe => "sv",
        Fin => "fi",
        Ces => "cs",
        Hun => "hu",
        Ron => "ro",
        Bul => "bg",
        Srp => "sr",
        Hrv => "hr",
        Ell => "el",
        Heb => "he",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Dan => "da",
        Nob => "nb",
        Slk => "sk",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Mkd => "mk",
        Cat => "ca",
        Afr => "af",
        Lat => "la",
        Epo => "eo",
        Ben => "bn",
        Tam => "ta",
        Tel => "te",
        Mar => "mr",
        Guj => "gu",
        Pan => "pa",
        Kan => "kn",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Amh => "am",
        Jav => "jv",
        Zul => "zu",
        Sna => "sn",
        Aka => "ak",
        Yid => "yi",
        Tgl => "tl",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> String {
        detect(text).map(|l| l.to_string()).unwrap_or_default()
    }

    #[test]
    fn detects_english_russian_ukrainian_kyrgyz_kazakh() {
        assert_eq!(code("The President of the Kyrgyz Republic received the ambassador of the United States today."), "en");
        assert_eq!(code("Президент Киргизии провел переговоры с президентом России в Бишкеке и обсудил сотрудничество."), "ru");
        assert_eq!(code("Бішкек цього тижня приймає форум, на якому збираються посадовці й бізнес-лідери з Казахстану."), "uk");
        assert_eq!(code("Кыргыз Республикасынын Президенти Садыр Жапаров бүгүн Орусиянын элчисин кабыл алды, өз ара кызматташтыкты талкуулашты."), "ky");
        assert_eq!(code("Қазақстан Республикасының Президенті бүгін Ресей елшісін қабылдады, екіжақты ынтымақтастықты талқылады."), "kk");
        assert_eq!(Lang::parse("UK").unwrap().name(), "Ukrainian");
    }

    #[test]
    fn short_texts_fall_back_to_likely_languages() {
        assert_eq!(
            code("Officials in Bishkek met Russian partners to discuss trade."),
            "en"
        );
        assert_eq!(code("Plain text."), "en");
        assert_eq!(code("Переговоры прошли в Бишкеке."), "ru");
    }
}
