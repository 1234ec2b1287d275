//! The stepping-stone catalogue (coordinators edit it, admins hide entries) and the
//! suggestions from it for one participant.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::domain::stepping_stone::{Catalogue, Offer, OfferForm};
use crate::error::AppError;
use crate::matching::stones::Suggestion;

/// The whole catalogue, hidden entries included (marked), with the date that flags an entry
/// as unchecked.
#[server(endpoint = "stone_catalogue")]
pub async fn stone_catalogue() -> Result<Catalogue, AppError> {
    let cx = Ctx::authorize::<StoneCatalogue>().await?;
    let db = &cx.state.db;
    Ok(Catalogue {
        offers: crate::db::stepping_stones::all(db, true).await?,
        today: cx.today,
        check_months: crate::db::settings::catalogue_check_months(db).await?,
        figures: crate::domain::referral::tally(&crate::db::referrals::facts(db).await?),
        added_on: crate::db::stepping_stones::added_on(db).await?,
    })
}

/// One entry as its form shows it, with the version a save must name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferEdit {
    pub form: OfferForm,
    pub version: i32,
    pub hidden: bool,
}

#[server(endpoint = "stone_for_edit")]
pub async fn stone_for_edit(id: i32) -> Result<OfferEdit, AppError> {
    let cx = Ctx::authorize::<StoneForEdit>().await?;
    let stored = crate::db::stepping_stones::find(&cx.state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(OfferEdit {
        form: OfferForm::from_offer(&stored.offer),
        version: stored.version,
        hidden: stored.offer.hidden,
    })
}

/// Adds an entry (`id` absent) or saves an edit read at `version`. Whether an entry is hidden
/// is not the form's business: admins hide and show entries with [`hide_stone`].
#[server(endpoint = "save_stone")]
pub async fn save_stone(
    id: Option<i32>,
    version: Option<i32>,
    form: OfferForm,
) -> Result<(), AppError> {
    use crate::api::drafts::{DraftForm, settle};
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::lists::ListKind;

    let result: Result<(), AppError> = async {
        let cx = Ctx::authorize::<SaveStone>().await?;
        let lists = crate::db::lists::load(&cx.state.db, false).await?;
        let mut offer = form.check(cx.today, &lists).map_err(AppError::fields)?;
        offer.hidden = false;
        let txn = cx.begin().await?;
        let (id, action) = match (id, version) {
            (None, _) => (
                crate::db::stepping_stones::create(&txn, &offer, cx.today).await?,
                AuditAction::Create,
            ),
            (Some(id), Some(version)) => {
                crate::db::stepping_stones::update(&txn, id, version, &offer).await?;
                (id, AuditAction::Update)
            }
            (Some(_), None) => return Err(AppError::Conflict),
        };
        let record = Record::new(RecordKind::ListEntry(ListKind::SteppingStones), id);
        cx.audit(&txn, action, record).await?;
        txn.commit().await?;
        leptos_axum::redirect("/stones");
        Ok(())
    }
    .await;
    settle(DraftForm::Offer(id), &form, result).await
}

/// Hides an entry from suggestions (earlier referrals keep it), or shows it again.
#[server(endpoint = "hide_stone")]
pub async fn hide_stone(id: i32, hidden: bool) -> Result<(), AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::domain::lists::ListKind;

    let cx = Ctx::authorize::<HideStone>().await?;
    let txn = cx.begin().await?;
    crate::db::stepping_stones::set_hidden(&txn, id, hidden).await?;
    let record = Record::new(RecordKind::ListEntry(ListKind::SteppingStones), id);
    cx.audit(&txn, AuditAction::Update, record).await?;
    txn.commit().await?;
    if crate::auth::session::is_plain_form_post() {
        leptos_axum::redirect("/stones");
    }
    Ok(())
}

/// The stepping stones that fit one participant, best first, with the offers they name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoneSuggestions {
    pub suggestions: Vec<Suggestion>,
    /// The suggested offers, in the order of `suggestions`.
    pub offers: Vec<Offer>,
}

/// Suggestions for participant `id`; reading their profile for it is audited.
#[server(endpoint = "suggest_stones")]
pub async fn suggest_stones(id: i32) -> Result<StoneSuggestions, AppError> {
    use crate::domain::audit::{AuditAction, Record, RecordKind};
    use crate::matching::stones::{SuggestFor, suggest};

    let cx = Ctx::authorize::<SuggestStones>().await?;
    let db = &cx.state.db;
    let (participant, _) = crate::db::matching::participant(db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    cx.audit(
        db,
        AuditAction::Read,
        Record::new(RecordKind::Participant, id),
    )
    .await?;
    let offers = crate::db::stepping_stones::all(db, false).await?;
    let ctx = crate::db::matching::context(db, cx.today).await?;
    let suggestions = suggest(&SuggestFor::new(participant.profile), &offers, &ctx);
    let by_id: std::collections::HashMap<i64, Offer> =
        offers.into_iter().map(|o| (o.id, o)).collect();
    let offers = suggestions
        .iter()
        .filter_map(|s| by_id.get(&s.offer_id).cloned())
        .collect();
    Ok(StoneSuggestions {
        suggestions,
        offers,
    })
}
