//! The policy-domain suggestion on the intake form: a classifier per tenant,
//! trained on its screened signals and retrained when that set grows.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crate::domain::TenantId;
use crate::domain::intake::DomainSuggestion;
use crate::error::AppError;
use crate::storage::{Store, Tx};
use crate::text::classifier::{Classifier, Source, suggest};

/// Each tenant's classifier with the number of examples it learned from.
#[derive(Default)]
pub struct Classifiers(Mutex<HashMap<TenantId, (i64, Arc<Classifier>)>>);

impl Classifiers {
    /// The tenant's classifier, retrained if signals were screened since.
    async fn for_tenant(&self, tx: &mut dyn Tx, tenant: TenantId) -> Result<Arc<Classifier>, AppError> {
        let count = tx.count_training_examples(tenant).await?;
        if let Some((trained_on, classifier)) = self.0.lock().expect("classifier lock").get(&tenant)
            && *trained_on == count
        {
            return Ok(classifier.clone());
        }
        let examples = tx.training_examples(tenant).await?;
        let classifier = Arc::new(Classifier::train(examples.iter().map(|(text, code)| (text.as_str(), code.as_str()))));
        self.0.lock().expect("classifier lock").insert(tenant, (count, classifier.clone()));
        Ok(classifier)
    }
}

/// A suggestion for this text among the tenant's policy domains, if any is clear enough.
pub async fn suggest_domain(
    store: &dyn Store,
    classifiers: &Classifiers,
    tenant: TenantId,
    text: &str,
) -> Result<Option<DomainSuggestion>, AppError> {
    let mut tx = store.read().await?;
    let domains = tx.policy_domains(tenant).await?;
    let allowed: Vec<&str> = domains.iter().map(|d| d.code.as_str()).collect();
    let classifier = classifiers.for_tenant(&mut *tx, tenant).await?;
    let Some(found) = suggest(&classifier, text, &allowed) else { return Ok(None) };
    Ok(domains.iter().find(|d| d.code == found.code).map(|d| DomainSuggestion {
        policy_domain: d.id.0,
        name: d.name.clone(),
        confidence: (found.confidence.clamp(0.0, 1.0) * 100.0).round() as u8,
        learned: found.source == Source::Learned,
    }))
}
