CREATE TABLE "agency_count_mails" (
	"vacancy_id" uuid PRIMARY KEY NOT NULL,
	"last_sent_on" date NOT NULL,
	"last_count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_count_mails" ADD CONSTRAINT "agency_count_mails_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE cascade ON UPDATE no action;