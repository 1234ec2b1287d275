//! What the participants and buddies lists share: the filter as a condition on a people
//! table, one page of the sorted rows with the total, and the names of the municipalities.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, ExprTrait, Func, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
    Select,
};

use super::entities::municipality;
use crate::domain::people::{Coded, PAGE_SIZE, Paged, PeopleFilter};
use crate::error::AppError;

/// The columns of a people table (participant, buddy) that the shared filter reads.
pub(crate) struct PeopleColumns<C> {
    pub id: C,
    pub status: C,
    pub municipality: C,
    pub first_name: C,
    pub last_name: C,
}

/// The table linking people to their interests: (table, person column, interest column).
pub(crate) type InterestLinks<L> = (L, <L as EntityTrait>::Column, <L as EntityTrait>::Column);

/// `filter` (without its sort and page) as a condition on a people table.
pub(crate) fn condition<S: Coded, O, C: ColumnTrait, L: EntityTrait>(
    filter: &PeopleFilter<S, O>,
    columns: PeopleColumns<C>,
    interests: InterestLinks<L>,
) -> Condition {
    let mut condition = Condition::all();
    if let Some(status) = filter.status {
        condition = condition.add(columns.status.eq(status.code()));
    }
    // Compared as sent: an id beyond the column's range then matches nothing, where a cast
    // would wrap it onto another municipality.
    if let Some(m) = filter.municipality_id {
        condition = condition.add(columns.municipality.eq(m));
    }
    if let Some(interest) = filter.interest_id {
        let (table, person, interest_id) = interests;
        condition = condition.add(
            columns.id.in_subquery(
                Query::select()
                    .column(person)
                    .from(table)
                    .and_where(interest_id.eq(interest))
                    .to_owned(),
            ),
        );
    }
    let name = filter.name.trim().to_lowercase();
    if !name.is_empty() {
        // Wildcards typed in the name are dropped, not obeyed.
        let pattern = format!("%{}%", name.replace(['%', '_'], ""));
        condition = condition.add(
            Condition::any()
                .add(Expr::expr(Func::lower(Expr::col(columns.first_name))).like(&pattern))
                .add(Expr::expr(Func::lower(Expr::col(columns.last_name))).like(&pattern)),
        );
    }
    condition
}

/// Page `page` (or the last one, when the list got shorter) of `filtered` in the order
/// `sort` gives it, with the total.
pub(crate) async fn one_page<E: EntityTrait>(
    db: &impl ConnectionTrait,
    filtered: Select<E>,
    sort: impl FnOnce(Select<E>) -> Select<E>,
    page: u64,
) -> Result<Paged<E::Model>, AppError>
where
    E::Model: Sync,
{
    // Counted without the order, which only the page itself needs.
    let total = filtered.clone().count(db).await?;
    let page = std::cmp::min(page, total.saturating_sub(1) / PAGE_SIZE);
    let rows = sort(filtered)
        .offset(page * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    Ok(Paged { rows, total, page })
}

/// The names of the municipalities with these ids.
pub(crate) async fn municipality_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    Ok(municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name))
        .collect())
}
