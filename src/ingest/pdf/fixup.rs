//! Repairs made to the loaded document before pdf-extract interprets it, where pdf-extract 0.12
//! misreads valid PDF.

use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Refuse to expand W arrays beyond this many widths in total (a hostile `0 4294967295 500`).
const MAX_EXPANDED_WIDTHS: usize = 200_000;

/// pdf-extract ignores the `first last width` form of a CIDFont's /W array (it reads `first` as
/// both ends of the range), so every CID listed that way gets the default width of 1000: digits
/// of an Identity-H font come out a full em wide and run into the text after them, which then
/// sorts before them. Rewrite every such range into the `first [width …]` form it does read.
pub(crate) fn expand_cid_widths(doc: &mut Document) {
    // Where a CIDFont dictionary lives: an object of its own, or inline as the first entry of
    // a Type0 font's /DescendantFonts.
    let mut own: Vec<(ObjectId, Vec<Object>)> = Vec::new();
    let mut inline: Vec<(ObjectId, Vec<Object>)> = Vec::new();
    for (&id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        match dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"CIDFontType0" | b"CIDFontType2") => {
                if let Some(w) = expanded_w_of(doc, dict) {
                    own.push((id, w));
                }
            }
            Ok(b"Type0") => {
                let first = dict
                    .get(b"DescendantFonts")
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|a| a.first());
                if let Some(Object::Dictionary(cid_font)) = first
                    && let Some(w) = expanded_w_of(doc, cid_font)
                {
                    inline.push((id, w));
                }
            }
            _ => {}
        }
    }
    for (id, w) in own {
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(id) {
            dict.set("W", Object::Array(w));
        }
    }
    for (id, w) in inline {
        let cid_font = doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .and_then(|font| font.get_mut(b"DescendantFonts"))
            .and_then(Object::as_array_mut)
            .ok()
            .and_then(|a| a.first_mut())
            .and_then(|d| d.as_dict_mut().ok());
        if let Some(cid_font) = cid_font {
            cid_font.set("W", Object::Array(w));
        }
    }
}

/// The CIDFont's /W with its ranges written out, if it has any.
fn expanded_w_of(doc: &Document, cid_font: &Dictionary) -> Option<Vec<Object>> {
    let (_, w) = doc.dereference(cid_font.get(b"W").ok()?).ok()?;
    expand_w(doc, w.as_array().ok()?)
}

fn number(doc: &Document, o: &Object) -> Option<f64> {
    match doc.dereference(o).ok()?.1 {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// The W array with every range entry written out, or `None` if it has no range entry (nothing
/// to fix) or does not parse (leave it to pdf-extract).
fn expand_w(doc: &Document, items: &[Object]) -> Option<Vec<Object>> {
    let mut out = Vec::new();
    let mut had_range = false;
    let mut total = 0usize;
    let mut i = 0;
    while i + 1 < items.len() {
        let first = number(doc, &items[i])? as i64;
        if let Ok((_, Object::Array(ws))) = doc.dereference(&items[i + 1]) {
            let ws: Vec<Object> = ws
                .iter()
                .map(|w| number(doc, w).map(|n| Object::Real(n as f32)))
                .collect::<Option<_>>()?;
            total += ws.len();
            out.push(Object::Integer(first));
            out.push(Object::Array(ws));
            i += 2;
        } else {
            let last = number(doc, &items[i + 1])? as i64;
            let width = number(doc, items.get(i + 2)?)?;
            let count = usize::try_from(last.checked_sub(first)?.checked_add(1)?).ok()?;
            total = total.checked_add(count)?;
            if total > MAX_EXPANDED_WIDTHS {
                return None;
            }
            out.push(Object::Integer(first));
            out.push(Object::Array(vec![Object::Real(width as f32); count]));
            had_range = true;
            i += 3;
        }
    }
    had_range.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i64]) -> Vec<Object> {
        v.iter().map(|&i| Object::Integer(i)).collect()
    }

    #[test]
    fn ranges_are_written_out() {
        let doc = Document::new();
        let mut w = ints(&[16, 18, 500]);
        w.push(Object::Integer(30));
        w.push(Object::Array(ints(&[600, 700])));
        let out = expand_w(&doc, &w).unwrap_or_default();
        let half = Object::Real(500.0);
        assert_eq!(out.len(), 4);
        assert_eq!(out[1].as_array().map(|a| a.len()).unwrap_or(0), 3);
        assert_eq!(
            out[1]
                .as_array()
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| o.as_float().ok()),
            half.as_float().ok()
        );
        assert_eq!(out[3].as_array().map(|a| a.len()).unwrap_or(0), 2);
    }

    #[test]
    fn nothing_to_do_or_hostile() {
        let doc = Document::new();
        let mut w = vec![Object::Integer(1)];
        w.push(Object::Array(ints(&[600])));
        assert!(expand_w(&doc, &w).is_none(), "no range: nothing to rewrite");
        assert!(
            expand_w(&doc, &ints(&[0, 4_000_000_000, 500])).is_none(),
            "too many widths"
        );
        assert!(
            expand_w(&doc, &ints(&[10, 5, 500])).is_none(),
            "backwards range"
        );
    }
}
