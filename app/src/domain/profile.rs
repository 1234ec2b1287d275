//! The profile shared by participants and buddies, and its validation.
