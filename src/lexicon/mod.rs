//! Language knowledge kept as data, apart from the machinery that applies it.

pub mod catalogue;
pub mod radicals;
pub mod script;
mod script_keys;
pub mod units;
pub mod web;
pub mod words;
