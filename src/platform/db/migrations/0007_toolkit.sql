-- One sign-in toolkit (issue 8, docs/adr/0004-verification-tokens.md, docs/adr/0005-data-key.md).
-- 1. verification_tokens becomes the platform's table of every mailed link: purpose names with their door, a
--    subject kind beside the subject id; eCPA's staff_password_resets rows move in, then the table goes.
-- 2. login_throttles (door + key) replaces staff_login_throttles; its rows move in as door 'ecpa'. The keys of
--    before were HMACs under SESSION_SECRET; keys are now derived from DATA_KEY, so the old rows only age out
--    (a lock of at most 15 minutes is forgotten early, once, at the upgrade).
-- 3. newsletter_subscriptions keeps the hash of the SESSION_SECRET-derived link of mails already sent.
CREATE TABLE "login_throttles" (
	"door" text NOT NULL,
	"key" text NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_throttles_door_key_pk" PRIMARY KEY("door","key")
);
--> statement-breakpoint
INSERT INTO "login_throttles" ("door", "key", "failed_count", "locked_until", "updated_at")
SELECT 'ecpa', "key", "failed_count", "locked_until", "updated_at" FROM "staff_login_throttles";--> statement-breakpoint
DROP INDEX "verification_tokens_subject_idx";--> statement-breakpoint
ALTER TABLE "verification_tokens" ADD COLUMN "subject_kind" text;--> statement-breakpoint
UPDATE "verification_tokens" SET
	"subject_kind" = CASE WHEN "purpose" = 'newsletter_confirm' THEN 'newsletter_subscription' ELSE 'applicant_account' END,
	"purpose" = CASE "purpose"
		WHEN 'activation' THEN 'account.activate'
		WHEN 'password_reset' THEN 'account.reset'
		WHEN 'email_change' THEN 'account.change_email'
		WHEN 'newsletter_confirm' THEN 'newsletter.confirm'
		ELSE "purpose" END;--> statement-breakpoint
INSERT INTO "verification_tokens" ("id", "purpose", "subject_kind", "subject_id", "token_hash", "payload", "expires_at", "used_at", "voided_at", "created_at")
SELECT "id", 'staff.reset', 'staff_user', "staff_user_id"::text, "token_hash", '{}'::jsonb, "expires_at", "used_at", "voided_at", "created_at" FROM "staff_password_resets";--> statement-breakpoint
ALTER TABLE "verification_tokens" ALTER COLUMN "subject_kind" SET NOT NULL;--> statement-breakpoint
DROP TABLE "staff_login_throttles" CASCADE;--> statement-breakpoint
DROP TABLE "staff_password_resets" CASCADE;--> statement-breakpoint
ALTER TABLE "newsletter_subscriptions" ADD COLUMN "legacy_unsubscribe_token_hash" text;--> statement-breakpoint
UPDATE "newsletter_subscriptions" SET "legacy_unsubscribe_token_hash" = "unsubscribe_token_hash";--> statement-breakpoint
CREATE INDEX "newsletter_subscriptions_legacy_unsub_idx" ON "newsletter_subscriptions" USING btree ("legacy_unsubscribe_token_hash");--> statement-breakpoint
CREATE INDEX "verification_tokens_subject_idx" ON "verification_tokens" USING btree ("subject_kind","subject_id","purpose");
