//! Repairs made to the loaded document before pdf-extract interprets it, where pdf-extract 0.12
//! misreads valid PDF.

use pdf_extract::{Document, Object, ObjectId};

/// Refuse to expand W arrays beyond this many widths in total (a hostile `0 4294967295 500`).
const MAX_EXPANDED_WIDTHS: usize = 200_000;

/// pdf-extract ignores the `first last width` form of a CIDFont's /W array (it reads `first` as
/// both ends of the range), so every CID listed that way gets the default width of 1000: digits
/// of an Identity-H font come out a full em wide and run into the text after them, which then
/// sorts before them. Rewrite every such range into the `first [width …]` form it does read.
pub(crate) fn expand_cid_widths(doc: &mut Document) {
    let mut edits: Vec<(ObjectId, Vec<Object>)> = Vec::new();
    for (&id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_cid_font = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"CIDFontType0" || s == b"CIDFontType2");
        if !is_cid_font {
            continue;
        }
        let Some(w) = dict.get(b"W").ok().and_then(|w| doc.dereference(w).ok()) else {
            continue;
        };
        if let Ok(items) = w.1.as_array()
            && let Some(expanded) = expand_w(doc, items)
        {
            edits.push((id, expanded));
        }
    }
    for (id, w) in edits {
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(id) {
            dict.set("W", Object::Array(w));
        }
    }
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
