//! Files as the portal's tools write them, with nothing of the plan in them:
//! `zip` (a stored ZIP from named bytes: the release download, in the app,
//! the studio and the staff tool alike) and `atomic` (a file or a folder
//! written whole, with the write steps counted for the fault-injection tests;
//! native only in use).

pub mod atomic;
pub mod zip;
