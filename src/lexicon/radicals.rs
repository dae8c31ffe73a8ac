//! CJK Radicals Supplement (U+2E80–U+2EFF) → unified ideograph, for the radicals that Unicode's
//! EquivalentUnifiedIdeograph.txt maps and NFKC does not (Kangxi radicals U+2F00… are left to NFKC).
//! Some PDF producers (Chromium's Type 3 fonts) emit these code points for ordinary characters.

/// The ideograph a radical code point (Kangxi U+2F00–U+2FD5 or supplement U+2E80–U+2EF3) stands
/// for in running text, or `None` for any other character.
///
/// Kangxi radicals go through NFKC, except where NFKC gives the traditional form of a character
/// whose simplified form has the radical's shape: a PDF font that maps the glyph of `户` to ⼾
/// means `户`, not `戶`.
pub fn fold_radical(c: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    match c {
        '\u{2F3E}' => Some('户'),
        '\u{2F00}'..='\u{2FD5}' => std::iter::once(c).nfkc().next(),
        '\u{2E80}'..='\u{2EFF}' => unified(c),
        _ => None,
    }
}

/// The unified ideograph a supplement radical stands for, if any.
pub fn unified(c: char) -> Option<char> {
    let i = RADICALS.binary_search_by_key(&c, |&(r, _)| r).ok()?;
    Some(RADICALS[i].1)
}

/// Sorted by radical. From Unicode's EquivalentUnifiedIdeograph.txt (U+2E80 block entries).
const RADICALS: &[(char, char)] = &[
    ('\u{2E81}', '\u{5382}'),
    ('\u{2E82}', '\u{4E5B}'),
    ('\u{2E83}', '\u{4E5A}'),
    ('\u{2E84}', '\u{4E59}'),
    ('\u{2E85}', '\u{4EBB}'),
    ('\u{2E86}', '\u{5182}'),
    ('\u{2E87}', '\u{20628}'),
    ('\u{2E88}', '\u{5200}'),
    ('\u{2E89}', '\u{5202}'),
    ('\u{2E8A}', '\u{535C}'),
    ('\u{2E8B}', '\u{353E}'),
    ('\u{2E8C}', '\u{5C0F}'),
    ('\u{2E8D}', '\u{5C0F}'),
    ('\u{2E8E}', '\u{5140}'),
    ('\u{2E8F}', '\u{5C23}'),
    ('\u{2E90}', '\u{5C22}'),
    ('\u{2E92}', '\u{5DF3}'),
    ('\u{2E93}', '\u{5E7A}'),
    ('\u{2E94}', '\u{5F51}'),
    ('\u{2E95}', '\u{5F50}'),
    ('\u{2E96}', '\u{5FC4}'),
    ('\u{2E97}', '\u{38FA}'),
    ('\u{2E98}', '\u{624C}'),
    ('\u{2E99}', '\u{6535}'),
    ('\u{2E9B}', '\u{65E1}'),
    ('\u{2E9E}', '\u{6B7A}'),
    ('\u{2E9F}', '\u{6BCD}'),
    ('\u{2EA0}', '\u{6C11}'),
    ('\u{2EA1}', '\u{6C35}'),
    ('\u{2EA2}', '\u{6C3A}'),
    ('\u{2EA3}', '\u{706C}'),
    ('\u{2EA4}', '\u{722B}'),
    ('\u{2EA5}', '\u{722B}'),
    ('\u{2EA6}', '\u{4E2C}'),
    ('\u{2EA7}', '\u{725B}'),
    ('\u{2EA8}', '\u{72AD}'),
    ('\u{2EA9}', '\u{738B}'),
    ('\u{2EAA}', '\u{24D14}'),
    ('\u{2EAB}', '\u{76EE}'),
    ('\u{2EAC}', '\u{793A}'),
    ('\u{2EAD}', '\u{793B}'),
    ('\u{2EAE}', '\u{25AD7}'),
    ('\u{2EB1}', '\u{7F53}'),
    ('\u{2EB2}', '\u{7F52}'),
    ('\u{2EB3}', '\u{34C1}'),
    ('\u{2EB4}', '\u{5197}'),
    ('\u{2EB5}', '\u{2626B}'),
    ('\u{2EB6}', '\u{7F8A}'),
    ('\u{2EB7}', '\u{7F8B}'),
    ('\u{2EB9}', '\u{8002}'),
    ('\u{2EBA}', '\u{8080}'),
    ('\u{2EBB}', '\u{807F}'),
    ('\u{2EBC}', '\u{8089}'),
    ('\u{2EBD}', '\u{26951}'),
    ('\u{2EBE}', '\u{8279}'),
    ('\u{2EBF}', '\u{8279}'),
    ('\u{2EC0}', '\u{8279}'),
    ('\u{2EC1}', '\u{864E}'),
    ('\u{2EC2}', '\u{8864}'),
    ('\u{2EC3}', '\u{8980}'),
    ('\u{2EC4}', '\u{897F}'),
    ('\u{2EC5}', '\u{89C1}'),
    ('\u{2EC6}', '\u{89D2}'),
    ('\u{2EC7}', '\u{278B2}'),
    ('\u{2EC8}', '\u{8BA0}'),
    ('\u{2EC9}', '\u{8D1D}'),
    ('\u{2ECA}', '\u{27FB7}'),
    ('\u{2ECB}', '\u{8F66}'),
    ('\u{2ECC}', '\u{8FB6}'),
    ('\u{2ECD}', '\u{8FB6}'),
    ('\u{2ECE}', '\u{8FB6}'),
    ('\u{2ECF}', '\u{9091}'),
    ('\u{2ED0}', '\u{9485}'),
    ('\u{2ED1}', '\u{9577}'),
    ('\u{2ED2}', '\u{9578}'),
    ('\u{2ED3}', '\u{957F}'),
    ('\u{2ED4}', '\u{95E8}'),
    ('\u{2ED5}', '\u{28E0F}'),
    ('\u{2ED6}', '\u{961D}'),
    ('\u{2ED7}', '\u{96E8}'),
    ('\u{2ED8}', '\u{9752}'),
    ('\u{2ED9}', '\u{97E6}'),
    ('\u{2EDA}', '\u{9875}'),
    ('\u{2EDB}', '\u{98CE}'),
    ('\u{2EDC}', '\u{98DE}'),
    ('\u{2EDD}', '\u{98DF}'),
    ('\u{2EDE}', '\u{2935B}'),
    ('\u{2EDF}', '\u{98E0}'),
    ('\u{2EE0}', '\u{9963}'),
    ('\u{2EE1}', '\u{29830}'),
    ('\u{2EE2}', '\u{9A6C}'),
    ('\u{2EE3}', '\u{9AA8}'),
    ('\u{2EE4}', '\u{9B3C}'),
    ('\u{2EE5}', '\u{9C7C}'),
    ('\u{2EE6}', '\u{9E1F}'),
    ('\u{2EE7}', '\u{5364}'),
    ('\u{2EE8}', '\u{9EA6}'),
    ('\u{2EE9}', '\u{9EC4}'),
    ('\u{2EEA}', '\u{9EFE}'),
    ('\u{2EEB}', '\u{6589}'),
    ('\u{2EEC}', '\u{9F50}'),
    ('\u{2EED}', '\u{6B6F}'),
    ('\u{2EEE}', '\u{9F7F}'),
    ('\u{2EEF}', '\u{7ADC}'),
    ('\u{2EF0}', '\u{9F99}'),
    ('\u{2EF1}', '\u{9F9C}'),
    ('\u{2EF2}', '\u{4E80}'),
    ('\u{2EF3}', '\u{9F9F}'),
];

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_sorted_and_maps_common_simplified_radicals() {
        assert!(super::RADICALS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(super::unified('\u{2EA0}'), Some('民'));
        assert_eq!(super::unified('\u{2ED3}'), Some('长'));
        assert_eq!(super::unified('\u{2E80}'), None);
        assert_eq!(super::fold_radical('\u{2F3E}'), Some('户'));
        assert_eq!(super::fold_radical('\u{2F08}'), Some('人'));
        assert_eq!(super::fold_radical('人'), None);
    }
}
