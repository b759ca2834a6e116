//! A figure on a page, and what a reader can take away from it: the card
//! (`card`), the embed, download and cite tools (`tools`), the downloads
//! themselves (`download`) and the addresses they give (`address`).

pub mod address;
mod card;
mod download;
mod tools;

pub use address::site_base;
pub use card::{FigureCard, FigureTable, TileMap, figure_card, keyboard_points};
pub use tools::FigureTools;
