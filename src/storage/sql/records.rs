// The audit log and the mail outbox. Shared by both backends (see tx.rs).

#[async_trait]
impl Records for SqlTx {
    async fn audit(&mut self, e: &NewAudit, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (tenant_id, person_id, action, object_type, object_id, detail, ip, at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(e.tenant)
        .bind(e.person)
        .bind(e.action)
        .bind(e.object_type)
        .bind(&e.object_id)
        .bind(&e.detail)
        .bind(&e.ip)
        .bind(at)
        .execute(&mut *self.0)
        .await?;
        Ok(())
    }

    async fn audit_log(&mut self, tenant: TenantId, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        let rows: Vec<(i64, DateTime<Utc>, Option<String>, String, String, String, String, String)> = sqlx::query_as(
            "SELECT a.id, a.at, p.name, a.action, a.object_type, a.object_id, a.detail, a.ip \
             FROM audit_log a LEFT JOIN people p ON p.id = a.person_id \
             WHERE a.tenant_id = $1 \
               AND ($2 = '' OR a.action = $2) \
               AND ($3 = '' OR LOWER(COALESCE(p.name, '')) LIKE '%' || LOWER($3) || '%') \
               AND a.at >= $4 AND a.at < $5 \
             ORDER BY a.id DESC LIMIT $6",
        )
        .bind(tenant)
        .bind(&filter.action)
        .bind(&filter.person)
        .bind(filter.from)
        .bind(filter.until)
        .bind(filter.limit)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, at, person, action, object_type, object_id, detail, ip)| AuditEntry {
                id,
                at,
                person,
                action,
                object_type,
                object_id,
                detail,
                ip,
            })
            .collect())
    }

    async fn queue_mail(&mut self, tenant: Option<TenantId>, to: &str, subject: &str, body: &str, at: DateTime<Utc>) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO outbox (tenant_id, to_email, subject, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(tenant)
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn queue_mail_with_attachment(
        &mut self,
        tenant: Option<TenantId>,
        to: &str,
        subject: &str,
        body: &str,
        attachment: &Attachment,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        Ok(sqlx::query_scalar(
            "INSERT INTO outbox (tenant_id, to_email, subject, body, created_at, attachment_name, attachment_type, attachment) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(tenant)
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(at)
        .bind(&attachment.name)
        .bind(&attachment.content_type)
        .bind(&attachment.body)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn mail_attachment(&mut self, mail: i64) -> StoreResult<Option<Attachment>> {
        let row: Option<(Option<String>, Option<String>, Option<String>)> =
            sqlx::query_as("SELECT attachment_name, attachment_type, attachment FROM outbox WHERE id = $1")
                .bind(mail)
                .fetch_optional(&mut *self.0)
                .await?;
        Ok(match row {
            Some((Some(name), Some(content_type), Some(body))) => Some(Attachment { name, content_type, body }),
            _ => None,
        })
    }

    async fn outbox(&mut self, tenant: TenantId, limit: i64) -> StoreResult<Vec<Mail>> {
        self.mails("WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2", Some(tenant), limit).await
    }

    async fn claim_unsent_mail(&mut self, limit: i64, now: DateTime<Utc>) -> StoreResult<Vec<Mail>> {
        // The conditions are repeated outside the sub-select: PostgreSQL
        // re-checks them on a row another instance claimed meanwhile.
        let stale = now - chrono::Duration::minutes(10);
        let rows: Vec<(i64, String, String, String, DateTime<Utc>, Option<DateTime<Utc>>, Option<String>)> = sqlx::query_as(
            "UPDATE outbox SET claimed_at = $1 \
             WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND attempts < 10 \
                            AND (claimed_at IS NULL OR claimed_at < $2) ORDER BY id LIMIT $3) \
               AND sent_at IS NULL AND (claimed_at IS NULL OR claimed_at < $2) \
             RETURNING id, to_email, subject, body, created_at, sent_at, last_error",
        )
        .bind(now)
        .bind(stale)
        .bind(limit)
        .fetch_all(&mut *self.0)
        .await?;
        Ok(rows.into_iter().map(mail_from_row).collect())
    }

    async fn mark_mail_sent(&mut self, id: i64, at: DateTime<Utc>) -> StoreResult<()> {
        sqlx::query("UPDATE outbox SET sent_at = $1, attempts = attempts + 1, last_error = NULL WHERE id = $2")
            .bind(at)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn mark_mail_failed(&mut self, id: i64, error: &str) -> StoreResult<()> {
        sqlx::query("UPDATE outbox SET attempts = attempts + 1, last_error = $1, claimed_at = NULL WHERE id = $2")
            .bind(error)
            .bind(id)
            .execute(&mut *self.0)
            .await?;
        Ok(())
    }

    async fn queue_mail_with_links(
        &mut self,
        tenant: Option<TenantId>,
        to: &str,
        subject: &str,
        body: &str,
        links: &[(LinkKind, i64)],
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        let links = links.iter().map(|(kind, id)| format!("{}:{id}", kind.code())).collect::<Vec<_>>().join(" ");
        Ok(sqlx::query_scalar(
            "INSERT INTO outbox (tenant_id, to_email, subject, body, links, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(tenant)
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(links)
        .bind(at)
        .fetch_one(&mut *self.0)
        .await?)
    }

    async fn mail_links(&mut self, mail: i64) -> StoreResult<Vec<(LinkKind, i64)>> {
        let links: Option<String> =
            sqlx::query_scalar("SELECT links FROM outbox WHERE id = $1").bind(mail).fetch_optional(&mut *self.0).await?;
        links
            .unwrap_or_default()
            .split_whitespace()
            .map(|link| {
                let parsed = link.split_once(':').and_then(|(kind, id)| Some((LinkKind::from_code(kind)?, id.parse().ok()?)));
                parsed.ok_or_else(|| StoreError::Corrupt { column: "outbox.links", value: link.to_string() })
            })
            .collect()
    }

    async fn set_link_nonce(&mut self, kind: LinkKind, id: i64, nonce: &str, unknown_hash: &str) -> StoreResult<()> {
        let sql = match kind {
            LinkKind::Invitation => "UPDATE invitations SET link_nonce = $1, token_hash = $2 WHERE id = $3",
            LinkKind::PasswordReset => "UPDATE password_resets SET link_nonce = $1, token_hash = $2 WHERE id = $3",
            LinkKind::CitizenConfirm | LinkKind::CitizenFollow => {
                "UPDATE citizen_reports SET link_nonce = $1, confirm_hash = $2, follow_hash = $2 WHERE id = $3"
            }
            LinkKind::Approval => "UPDATE publication_approvals SET link_nonce = $1, token_hash = $2 WHERE id = $3",
        };
        sqlx::query(sql).bind(nonce).bind(unknown_hash).bind(id).execute(&mut *self.0).await?;
        Ok(())
    }

    async fn link_nonce(&mut self, kind: LinkKind, id: i64) -> StoreResult<Option<String>> {
        let sql = match kind {
            LinkKind::Invitation => "SELECT link_nonce FROM invitations WHERE id = $1",
            LinkKind::PasswordReset => "SELECT link_nonce FROM password_resets WHERE id = $1",
            LinkKind::CitizenConfirm | LinkKind::CitizenFollow => "SELECT link_nonce FROM citizen_reports WHERE id = $1",
            LinkKind::Approval => "SELECT link_nonce FROM publication_approvals WHERE id = $1",
        };
        let nonce: Option<Option<String>> = sqlx::query_scalar(sql).bind(id).fetch_optional(&mut *self.0).await?;
        Ok(nonce.flatten())
    }

    async fn fix_link(&mut self, kind: LinkKind, id: i64, nonce: &str, hash: &str) -> StoreResult<bool> {
        let sql = match kind {
            LinkKind::Invitation => "UPDATE invitations SET token_hash = $1 WHERE id = $2 AND link_nonce = $3",
            LinkKind::PasswordReset => "UPDATE password_resets SET token_hash = $1 WHERE id = $2 AND link_nonce = $3",
            LinkKind::CitizenConfirm => "UPDATE citizen_reports SET confirm_hash = $1 WHERE id = $2 AND link_nonce = $3",
            LinkKind::CitizenFollow => "UPDATE citizen_reports SET follow_hash = $1 WHERE id = $2 AND link_nonce = $3",
            LinkKind::Approval => "UPDATE publication_approvals SET token_hash = $1 WHERE id = $2 AND link_nonce = $3",
        };
        let done = sqlx::query(sql).bind(hash).bind(id).bind(nonce).execute(&mut *self.0).await?;
        Ok(done.rows_affected() == 1)
    }

    async fn blank_audit_addresses(&mut self, before: DateTime<Utc>) -> StoreResult<u64> {
        let done = sqlx::query("UPDATE audit_log SET ip = '' WHERE at < $1 AND ip <> ''").bind(before).execute(&mut *self.0).await?;
        Ok(done.rows_affected())
    }
}

impl SqlTx {
    async fn mails(&mut self, condition: &str, tenant: Option<TenantId>, limit: i64) -> StoreResult<Vec<Mail>> {
        let sql = format!("SELECT id, to_email, subject, body, created_at, sent_at, last_error FROM outbox {condition}");
        let mut query = sqlx::query_as::<_, MailRow>(&sql);
        if let Some(tenant) = tenant {
            query = query.bind(tenant);
        }
        let rows = query.bind(limit).fetch_all(&mut *self.0).await?;
        Ok(rows.into_iter().map(mail_from_row).collect())
    }
}

/// An outbox row: id, to, subject, body, created, sent, last error.
type MailRow = (i64, String, String, String, DateTime<Utc>, Option<DateTime<Utc>>, Option<String>);

fn mail_from_row((id, to, subject, body, created_at, sent_at, last_error): MailRow) -> Mail {
    Mail { id, to, subject, body, created_at, sent_at, last_error }
}
