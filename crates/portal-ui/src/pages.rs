//! One module per view. Pages put components and chart builders together;
//! they hold no maths of their own (that is in `plan_model`).

pub mod changes;
pub mod commitments;
pub mod compare;
pub mod data;
pub mod department;
pub mod district;
pub mod embed;
pub mod indicator;
pub mod overview;
pub mod publish;
pub mod search;
pub mod task;
