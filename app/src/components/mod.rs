//! Pieces of interface reused across pages.

pub mod chart;
pub mod error_panel;
pub mod escape;
pub mod form;
pub mod guard;
pub mod icons;
pub mod layout;
pub mod offline;
pub mod people_list;
pub mod profile_fields;
pub mod suspend;
pub mod table_wrap;
