//! Wording of the matching engine's explanations, in Dutch and English.
