//! Composite fonts with a predefined CJK CMap (`GBK-EUC-H`, `UniGB-UCS2-H`, `B5pc-H`, …).
//!
//! Producers that do not embed fonts (reportlab, old Distiller setups) show CJK text with the
//! standard CMaps named in the PDF spec. pdf-extract 0.12 knows only Identity-H/V and panics on
//! any other CMap name. Before pdf-extract runs, each such font becomes an Identity font:
//! every string shown with it is re-encoded to 2-byte codes of our own, and a ToUnicode CMap
//! mapping those codes to text is attached. The text of a code comes from the font's own
//! ToUnicode when it has one, else from the character set the CMap is named after (GBK, Big5,
//! Shift-JIS, EUC, UCS-2/UTF-16), decoded with encoding_rs.
//!
//! Glyph widths cannot be carried over without Adobe's CMap tables (code → CID); a half-width
//! character gets 500, everything else the font's default width (1000 for these fonts). Only
//! positions inside one shown string depend on this.

use std::collections::{HashMap, HashSet};

use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding as Charset, GB18030, GBK, SHIFT_JIS};
use pdf_extract::content::{Content, Operation};
use pdf_extract::{Dictionary, Document, Encoding, Object, ObjectId, Stream, StringFormat};

/// Width given to half-width characters (Latin, digits, half-width kana), in 1/1000 em.
const HALF_WIDTH: f32 = 500.0;
/// Form XObjects nest; deeper than this we stop (and a self-drawing form would loop).
const MAX_FORM_DEPTH: usize = 8;
/// bfchar blocks of a CMap hold at most 100 entries (PDF 32000-1, 9.10.3).
const BFCHAR_BLOCK: usize = 100;

/// How the codes of a predefined CMap are cut from a string and turned into text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// 2-byte codes that are UCS-2 code units (Uni*-UCS2-*).
    Ucs2,
    /// UTF-16BE: 2 bytes, or 4 for a surrogate pair (Uni*-UTF16-*).
    Utf16,
    /// Multi-byte character sets: 1 byte below 0x80, else a lead byte and more.
    Charset(&'static Charset),
}

/// The scheme of a predefined CMap name, `None` for names we do not know.
fn scheme_for(name: &[u8]) -> Option<Scheme> {
    let name = std::str::from_utf8(name).ok()?;
    let base = name
        .strip_suffix("-H")
        .or_else(|| name.strip_suffix("-V"))?;
    if base.starts_with("Uni") && (base.ends_with("-UCS2") || base.ends_with("-UCS2-HW")) {
        return Some(Scheme::Ucs2);
    }
    if base.starts_with("Uni") && base.ends_with("-UTF16") {
        return Some(Scheme::Utf16);
    }
    let charset = match base {
        "GB-EUC" | "GBpc-EUC" | "GBK-EUC" | "GBKp-EUC" | "GBT-EUC" | "GBTpc-EUC" => GBK,
        "GBK2K" => GB18030,
        "B5pc" | "ETen-B5" | "ETenms-B5" | "HKscs-B5" | "HKdla-B5" | "HKdlb-B5" | "HKgccs-B5"
        | "HKm314-B5" | "HKm471-B5" => BIG5,
        "90ms-RKSJ" | "90msp-RKSJ" | "83pv-RKSJ" | "90pv-RKSJ" | "Add-RKSJ" | "Ext-RKSJ" => {
            SHIFT_JIS
        }
        "EUC" => EUC_JP,
        "KSC-EUC" | "KSCms-UHC" | "KSCms-UHC-HW" | "KSCpc-EUC" => EUC_KR,
        _ => return None,
    };
    Some(Scheme::Charset(charset))
}

impl Scheme {
    /// Length of the code that starts `bytes` (never 0, never beyond the end).
    fn code_len(self, bytes: &[u8]) -> usize {
        let n = match (self, bytes) {
            (Scheme::Ucs2, _) => 2,
            (Scheme::Utf16, [hi, ..]) if (0xD8..=0xDB).contains(hi) => 4,
            (Scheme::Utf16, _) => 2,
            (Scheme::Charset(_), [b, ..]) if *b < 0x80 => 1,
            (Scheme::Charset(cs), [lead, second, ..])
                if cs == GB18030 && *lead >= 0x81 && second.is_ascii_digit() =>
            {
                4
            }
            (Scheme::Charset(cs), [b, ..]) if cs == SHIFT_JIS && (0xA0..=0xDF).contains(b) => 1,
            (Scheme::Charset(cs), [0x8F, ..]) if cs == EUC_JP => 3,
            (Scheme::Charset(_), _) => 2,
        };
        n.clamp(1, bytes.len().max(1))
    }

    /// The text of one code, if the character set defines it.
    fn decode(self, code: &[u8]) -> Option<String> {
        match self {
            Scheme::Ucs2 | Scheme::Utf16 => {
                let units: Vec<u16> = code
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                String::from_utf16(&units).ok()
            }
            Scheme::Charset(cs) => cs
                .decode_without_bom_handling_and_without_replacement(code)
                .map(|s| s.into_owned()),
        }
    }
}

/// One font being converted: how to read its old codes, and the new codes handed out so far.
struct FontPlan {
    scheme: Scheme,
    /// The font's own ToUnicode, if it has one (a lopdf CMap, owned).
    to_unicode: Option<Encoding<'static>>,
    /// Old code bytes → new 2-byte code.
    codes: HashMap<Vec<u8>, u16>,
    /// New code → its text (`None`: no known text).
    texts: Vec<Option<String>>,
    /// Write Identity-V instead of Identity-H (vertical writing).
    vertical: bool,
}

impl FontPlan {
    /// The new code for an old one, handed out on first sight.
    fn new_code(&mut self, old: &[u8]) -> u16 {
        if let Some(&c) = self.codes.get(old) {
            return c;
        }
        // Code 0 is left unused; 65 535 distinct glyphs per font are more than any CJK font has.
        let Ok(code) = u16::try_from(self.texts.len() + 1) else {
            return u16::MAX;
        };
        let text = self.text_of(old);
        self.texts.push(text);
        self.codes.insert(old.to_vec(), code);
        code
    }

    fn text_of(&self, old: &[u8]) -> Option<String> {
        let from_font = self
            .to_unicode
            .as_ref()
            .and_then(|e| e.bytes_to_string(old).ok())
            .filter(|s| !s.is_empty() && !s.contains('\u{fffd}'));
        from_font
            .or_else(|| self.scheme.decode(old))
            .filter(|s| !s.is_empty() && !s.chars().any(char::is_control))
    }

    /// Re-encode one shown string.
    fn reencode(&mut self, bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(bytes.len() * 2);
        let mut rest = bytes;
        while !rest.is_empty() {
            let (code, tail) = rest.split_at(self.scheme.code_len(rest));
            out.extend_from_slice(&self.new_code(code).to_be_bytes());
            rest = tail;
        }
        out
    }
}

/// Convert every font with a known predefined CMap, and re-encode the strings shown with it.
/// Fonts with unknown CMap names are left alone (`probe::check_fonts` reports them).
pub(crate) fn rewrite_predefined_cmaps(doc: &mut Document) {
    let mut plans = find_fonts(doc);
    if plans.is_empty() {
        return;
    }
    let edits = reencode_content(doc, &mut plans);
    for (id, bytes) in edits {
        if let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) {
            stream.set_plain_content(bytes);
        }
    }
    for (id, plan) in plans {
        convert_font(doc, id, &plan);
    }
}

/// Type0 fonts (indirect objects) whose /Encoding names a CMap we can read.
fn find_fonts(doc: &Document) -> HashMap<ObjectId, FontPlan> {
    let mut plans = HashMap::new();
    for (&id, obj) in &doc.objects {
        let Ok(font) = obj.as_dict() else { continue };
        if !font
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Type0")
        {
            continue;
        }
        let Some(name) = font
            .get(b"Encoding")
            .ok()
            .and_then(|e| doc.dereference(e).ok())
            .and_then(|(_, e)| e.as_name().ok())
        else {
            continue;
        };
        let Some(scheme) = scheme_for(name) else {
            continue;
        };
        plans.insert(
            id,
            FontPlan {
                scheme,
                to_unicode: own_to_unicode(doc, font),
                codes: HashMap::new(),
                texts: Vec::new(),
                vertical: name.ends_with(b"-V"),
            },
        );
    }
    plans
}

/// The font's ToUnicode CMap parsed by lopdf: a font dictionary with only /ToUnicode makes
/// lopdf return it as the font's encoding.
fn own_to_unicode(doc: &Document, font: &Dictionary) -> Option<Encoding<'static>> {
    let to_unicode = font.get(b"ToUnicode").ok()?.clone();
    let mut probe = Dictionary::new();
    probe.set("Type", Object::Name(b"Font".to_vec()));
    probe.set("ToUnicode", to_unicode);
    match probe.get_font_encoding(doc).ok()? {
        Encoding::UnicodeMapEncoding(cmap) => Some(Encoding::UnicodeMapEncoding(cmap)),
        _ => None,
    }
}

/// Font and XObject names of one resource dictionary chain, resolved to object ids.
#[derive(Default, Clone)]
struct Names {
    fonts: HashMap<Vec<u8>, ObjectId>,
    xobjects: HashMap<Vec<u8>, ObjectId>,
}

impl Names {
    /// Add the entries of `res`, keeping names already present (inner resources win).
    fn add(&mut self, doc: &Document, res: &Dictionary) {
        for (key, map) in [
            (&b"Font"[..], &mut self.fonts),
            (&b"XObject"[..], &mut self.xobjects),
        ] {
            let Some(dict) = res
                .get(key)
                .ok()
                .and_then(|d| doc.dereference(d).ok())
                .and_then(|(_, d)| d.as_dict().ok())
            else {
                continue;
            };
            for (name, value) in dict.iter() {
                if let Object::Reference(id) = value {
                    map.entry(name.clone()).or_insert(*id);
                }
            }
        }
    }
}

fn page_names(doc: &Document, page: ObjectId) -> Names {
    let mut names = Names::default();
    if let Ok((own, inherited)) = doc.get_page_resources(page) {
        for res in own.into_iter().chain(
            inherited
                .iter()
                .filter_map(|id| doc.get_dictionary(*id).ok()),
        ) {
            names.add(doc, res);
        }
    }
    names
}

/// Text state that matters here: the current font, saved and restored by q/Q.
struct Walk<'p> {
    plans: &'p mut HashMap<ObjectId, FontPlan>,
    /// Streams already re-encoded (a stream shared by two pages is done once).
    done: HashSet<ObjectId>,
    edits: Vec<(ObjectId, Vec<u8>)>,
}

/// Re-encode the strings of every content stream (pages and the forms they draw) shown with a
/// font in `plans`; returns the new content of the streams that changed.
fn reencode_content(
    doc: &Document,
    plans: &mut HashMap<ObjectId, FontPlan>,
) -> Vec<(ObjectId, Vec<u8>)> {
    let mut walk = Walk {
        plans,
        done: HashSet::new(),
        edits: Vec::new(),
    };
    for page in doc.get_pages().into_values() {
        let names = page_names(doc, page);
        // The streams of one page are one content stream cut in pieces: the font carries over.
        let mut font = None;
        for id in doc.get_page_contents(page) {
            font = walk.stream(doc, id, &names, font, 0);
        }
    }
    walk.edits
}

impl Walk<'_> {
    /// Walk one stream starting with `font` current; returns the font current at its end.
    fn stream(
        &mut self,
        doc: &Document,
        id: ObjectId,
        names: &Names,
        font: Option<ObjectId>,
        depth: usize,
    ) -> Option<ObjectId> {
        if !self.done.insert(id) {
            return font;
        }
        let Some(mut content) = doc
            .get_object(id)
            .and_then(Object::as_stream)
            .ok()
            .and_then(|s| {
                s.decompressed_content()
                    .ok()
                    .or_else(|| Some(s.content.clone()))
            })
            .and_then(|bytes| Content::decode(&bytes).ok())
        else {
            return font;
        };
        let mut state = font;
        let mut saved = Vec::new();
        let mut changed = false;
        for op in &mut content.operations {
            match op.operator.as_str() {
                "q" => saved.push(state),
                "Q" => state = saved.pop().unwrap_or(state),
                "Tf" => {
                    state = op
                        .operands
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|n| names.fonts.get(n))
                        .copied()
                }
                "Tj" | "'" | "\"" | "TJ" => changed |= self.show(op, state),
                "Do" => self.form(doc, op, names, state, depth),
                _ => {}
            }
        }
        if changed {
            // lopdf writes inline images back as stream objects, which is not content syntax;
            // images are of no use to text extraction, so they go.
            content.operations.retain(|op| op.operator != "BI");
            if let Ok(bytes) = content.encode() {
                self.edits.push((id, bytes));
            }
        }
        state
    }

    /// Re-encode the strings of a text-showing operator if the current font is being converted.
    fn show(&mut self, op: &mut Operation, font: Option<ObjectId>) -> bool {
        let Some(plan) = font.and_then(|f| self.plans.get_mut(&f)) else {
            return false;
        };
        for operand in &mut op.operands {
            match operand {
                Object::String(bytes, _) => *operand = hex_string(plan.reencode(bytes)),
                Object::Array(items) => {
                    for item in items.iter_mut() {
                        if let Object::String(bytes, _) = item {
                            *item = hex_string(plan.reencode(bytes));
                        }
                    }
                }
                _ => {}
            }
        }
        true
    }

    /// Follow `Do` into a form XObject, with its own resources in front of the caller's.
    fn form(
        &mut self,
        doc: &Document,
        op: &Operation,
        names: &Names,
        font: Option<ObjectId>,
        depth: usize,
    ) {
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        let Some(&id) = op
            .operands
            .first()
            .and_then(|n| n.as_name().ok())
            .and_then(|n| names.xobjects.get(n))
        else {
            return;
        };
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            return;
        };
        if !stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Form")
        {
            return;
        }
        let mut inner = Names::default();
        if let Some(res) = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| doc.dereference(r).ok())
            .and_then(|(_, r)| r.as_dict().ok())
        {
            inner.add(doc, res);
        }
        for (k, v) in &names.fonts {
            inner.fonts.entry(k.clone()).or_insert(*v);
        }
        for (k, v) in &names.xobjects {
            inner.xobjects.entry(k.clone()).or_insert(*v);
        }
        self.stream(doc, id, &inner, font, depth + 1);
    }
}

fn hex_string(bytes: Vec<u8>) -> Object {
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Make the font an Identity font with our ToUnicode and widths.
fn convert_font(doc: &mut Document, id: ObjectId, plan: &FontPlan) {
    let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode_cmap(&plan.texts)));
    let widths = widths(&plan.texts);
    let identity = if plan.vertical {
        "Identity-V"
    } else {
        "Identity-H"
    };
    let descendant = descendant_of(doc, id);
    if let Ok(font) = doc.get_object_mut(id).and_then(Object::as_dict_mut) {
        font.set("Encoding", Object::Name(identity.as_bytes().to_vec()));
        font.set("ToUnicode", Object::Reference(to_unicode));
        if descendant.is_none()
            && let Some(cid_font) = font
                .get_mut(b"DescendantFonts")
                .and_then(Object::as_array_mut)
                .ok()
                .and_then(|a| a.first_mut())
                .and_then(|d| d.as_dict_mut().ok())
        {
            cid_font.set("W", widths.clone());
        }
    }
    if let Some(cid_font) = descendant
        .and_then(|d| doc.get_object_mut(d).ok())
        .and_then(|o| o.as_dict_mut().ok())
    {
        cid_font.set("W", widths);
    }
}

/// The object id of the font's CIDFont dictionary when it is an indirect object; `None` when
/// it is written inline in /DescendantFonts (reportlab does that).
fn descendant_of(doc: &Document, font: ObjectId) -> Option<ObjectId> {
    let font = doc.get_dictionary(font).ok()?;
    let (_, array) = doc.dereference(font.get(b"DescendantFonts").ok()?).ok()?;
    array.as_array().ok()?.first()?.as_reference().ok()
}

/// /W for the new codes: half-width characters get `HALF_WIDTH`, the rest the default width.
fn widths(texts: &[Option<String>]) -> Object {
    let mut w = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let half = text
            .as_deref()
            .is_some_and(|t| t.chars().all(is_half_width));
        if half {
            w.push(Object::Integer(i as i64 + 1));
            w.push(Object::Array(vec![Object::Real(HALF_WIDTH)]));
        }
    }
    Object::Array(w)
}

fn is_half_width(c: char) -> bool {
    (' '..='~').contains(&c) || ('\u{ff61}'..='\u{ffdc}').contains(&c)
}

/// A ToUnicode CMap for codes 1..=n, code i mapping to `texts[i - 1]`.
fn to_unicode_cmap(texts: &[Option<String>]) -> Vec<u8> {
    let entries: Vec<String> = texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let t = t.as_deref()?;
            let hex: String = t.encode_utf16().map(|u| format!("{u:04X}")).collect();
            Some(format!("<{:04X}> <{hex}>", i + 1))
        })
        .collect();
    let mut out = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for block in entries.chunks(BFCHAR_BLOCK) {
        out.push_str(&format!("{} beginbfchar\n", block.len()));
        for e in block {
            out.push_str(e);
            out.push('\n');
        }
        out.push_str("endbfchar\n");
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_by_name() {
        assert_eq!(scheme_for(b"UniGB-UCS2-H"), Some(Scheme::Ucs2));
        assert_eq!(scheme_for(b"UniJIS-UTF16-V"), Some(Scheme::Utf16));
        assert_eq!(scheme_for(b"GBK-EUC-H"), Some(Scheme::Charset(GBK)));
        assert_eq!(scheme_for(b"B5pc-V"), Some(Scheme::Charset(BIG5)));
        assert_eq!(scheme_for(b"Identity-H"), None);
        assert_eq!(scheme_for(b"Foo"), None);
    }

    #[test]
    fn codes_are_cut_by_scheme() {
        let gbk = Scheme::Charset(GBK);
        assert_eq!(gbk.code_len(b"A\xb0\xa1"), 1);
        assert_eq!(gbk.code_len(b"\xb0\xa1"), 2);
        assert_eq!(gbk.code_len(b"\xb0"), 1, "a lone lead byte at the end");
        assert_eq!(Scheme::Charset(GB18030).code_len(b"\x81\x30\x81\x30"), 4);
        assert_eq!(Scheme::Utf16.code_len(&[0xD8, 0x40, 0xDC, 0x00]), 4);
        assert_eq!(gbk.decode(b"\xb0\xa1").as_deref(), Some("啊"));
        assert_eq!(Scheme::Ucs2.decode(&[0x4e, 0x2d]).as_deref(), Some("中"));
    }

    #[test]
    fn reencoding_hands_out_codes_once() {
        let mut plan = FontPlan {
            scheme: Scheme::Charset(GBK),
            to_unicode: None,
            codes: HashMap::new(),
            texts: Vec::new(),
            vertical: false,
        };
        assert_eq!(plan.reencode(b"\xd6\xd0A\xd6\xd0"), vec![0, 1, 0, 2, 0, 1]);
        assert_eq!(
            plan.texts,
            vec![Some("中".to_string()), Some("A".to_string())]
        );
        let cmap = String::from_utf8(to_unicode_cmap(&plan.texts)).unwrap_or_default();
        assert!(cmap.contains("2 beginbfchar\n<0001> <4E2D>\n<0002> <0041>\nendbfchar"));
    }
}
