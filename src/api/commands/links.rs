//! Links between an indicator and its successor in the next plan.

use crate::api::links::{self, Lineage, LinkInput, LinkSuggestion, LinkView};
use crate::command;

command!(LinkSuggestions = "link_suggestions" {} -> Vec<LinkSuggestion>, |e, c| {
    e.signed_in(|conn, _| links::link_suggestions(conn))
});

command!(SuccessorLinks = "successor_links" {} -> Vec<LinkView>, |e, c| {
    e.signed_in(|conn, _| links::successor_links(conn))
});

command!(SaveLink = "save_link" { input: LinkInput } -> LinkView, |e, c| {
    e.with_session(|conn, s| links::save_link(conn, s, &c.input))
});

command!(RemoveLink = "remove_link" { successor_id: i64 } -> bool, |e, c| {
    e.with_session(|conn, s| links::remove_link(conn, s, c.successor_id))
});

command!(IndicatorLineage = "indicator_lineage" { indicator_id: i64 } -> Lineage, |e, c| {
    e.signed_in(|conn, _| links::lineage(conn, c.indicator_id))
});
