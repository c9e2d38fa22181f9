//! The changes of this server instance's database, as they commit, for the
//! live boards' streams. On SQLite the transaction publishes its change right
//! after its commit; on PostgreSQL every instance's listener publishes what
//! `pg_notify` delivers (see `listener.rs`), its own changes included.

use std::sync::Arc;

use tokio::sync::broadcast;

use crate::domain::live::BoardChange;

/// How many changes a slow stream may fall behind before it must resync.
const CAPACITY: usize = 4096;

#[derive(Clone, Debug)]
pub enum FeedItem {
    Change(Arc<BoardChange>),
    /// Changes may have been missed (the listener lost its connection):
    /// every stream resyncs.
    Resync,
}

pub struct ChangeFeed(broadcast::Sender<FeedItem>);

impl Default for ChangeFeed {
    fn default() -> Self {
        ChangeFeed(broadcast::channel(CAPACITY).0)
    }
}

impl ChangeFeed {
    pub fn publish(&self, change: BoardChange) {
        // No stream listening is no error.
        let _ = self.0.send(FeedItem::Change(Arc::new(change)));
    }

    pub fn resync(&self) {
        let _ = self.0.send(FeedItem::Resync);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<FeedItem> {
        self.0.subscribe()
    }
}
