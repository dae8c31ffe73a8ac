//! Printing: every output format lives here, apart from reading and matching.

pub mod chart;
pub mod diff;
pub mod extract;
pub mod sections;
pub mod style;
pub mod text;
