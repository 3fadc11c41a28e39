-- Migration 18: the message part (Message::messagePart), kept next to the
-- body it was cut from. NULL: the server sent none.
ALTER TABLE bodies ADD COLUMN part BLOB;
ALTER TABLE bodies ADD COLUMN part_truncated INTEGER NOT NULL DEFAULT 0;
