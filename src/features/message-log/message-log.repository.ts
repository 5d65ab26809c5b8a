import { Injectable } from '@nestjs/common';
import { DatabaseWriter, QueryTemplate } from '../../database/index.js';
import { chatOf, type Merged, fromMessageEvent, highest, isNewer, lowest, whenNewer } from './message-log-merge.js';
import { MESSAGE_COLUMNS, type MessageLogRow, type ReactionRow } from './message-log.rows.js';

const LOG = 'message_log';
const REACTIONS = 'message_log_reactions';

/** Column → merge rule; every column but the key is listed (a missing one is a compile error). */
function messageLogMerge(): Record<Exclude<keyof MessageLogRow, 'device_id' | 'message_id'>, Merged> {
  const newerEdit = isNewer(LOG, 'edited_at', 'edit_id');
  const fromMessage = Object.fromEntries(MESSAGE_COLUMNS.map((column) => [column, fromMessageEvent(LOG, column)]));
  return {
    ...(fromMessage as Record<(typeof MESSAGE_COLUMNS)[number], Merged>),
    chat_id: chatOf(LOG, 'chat_id'),
    has_message: highest(LOG, 'has_message'),
    status_rank: highest(LOG, 'status_rank'),
    delivered_at: lowest(LOG, 'delivered_at'),
    read_at: lowest(LOG, 'read_at'),
    played_at: lowest(LOG, 'played_at'),
    read_by_me: highest(LOG, 'read_by_me'),
    read_by_me_at: lowest(LOG, 'read_by_me_at'),
    edited_text: whenNewer(newerEdit, LOG, 'edited_text'),
    edited_at: whenNewer(newerEdit, LOG, 'edited_at'),
    edit_id: whenNewer(newerEdit, LOG, 'edit_id'),
    revoked: highest(LOG, 'revoked'),
    revoked_at: lowest(LOG, 'revoked_at'),
    deleted: highest(LOG, 'deleted'),
    deleted_at: lowest(LOG, 'deleted_at'),
  };
}

/**
 * Writes the message log with single-statement upserts (`INSERT … ON CONFLICT DO UPDATE`): each
 * is atomic per row on both databases, so replicas may apply events of one message concurrently.
 * Writes go through the shared `DatabaseWriter`, so on SQLite they join the inbox's group commits
 * instead of paying an fsync of their own per event.
 */
@Injectable()
export class MessageLogRepository {
  private readonly merge = messageLogMerge();
  private readonly newerReaction = isNewer(REACTIONS, 'reacted_at', 'reaction_id');
  // Compiled once per row count: building the upsert through Kysely on every event cost more than running it.
  private readonly upsertRows = new QueryTemplate<MessageLogRow>((db, rows) =>
    db
      .insertInto(LOG)
      .values(rows)
      .onConflict((oc) => oc.columns(['device_id', 'message_id']).doUpdateSet(this.merge)),
  );
  private readonly upsertReactionRow = new QueryTemplate<ReactionRow>((db, rows) =>
    db
      .insertInto(REACTIONS)
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['device_id', 'message_id', 'reactor_id']).doUpdateSet({
          emoji: whenNewer(this.newerReaction, REACTIONS, 'emoji'),
          reacted_at: whenNewer(this.newerReaction, REACTIONS, 'reacted_at'),
          reaction_id: whenNewer(this.newerReaction, REACTIONS, 'reaction_id'),
        }),
      ),
  );

  constructor(private readonly writer: DatabaseWriter) {}

  /** Rows must have distinct keys (PostgreSQL refuses to update one row twice in a statement). */
  async upsert(rows: readonly MessageLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.writer.runStatement((db) => this.upsertRows.execute(db, rows));
  }

  async upsertReaction(row: ReactionRow): Promise<void> {
    await this.writer.runStatement((db) => this.upsertReactionRow.execute(db, [row]));
  }
}
