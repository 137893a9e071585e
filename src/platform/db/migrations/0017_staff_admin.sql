CREATE TABLE "staff_agency_grants" (
	"staff_user_id" uuid NOT NULL,
	"agency_code" text NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_agency_grants_staff_user_id_agency_code_pk" PRIMARY KEY("staff_user_id","agency_code")
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "last_sign_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "last_sign_in_method" text;--> statement-breakpoint
ALTER TABLE "staff_agency_grants" ADD CONSTRAINT "staff_agency_grants_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_agency_grants" ADD CONSTRAINT "staff_agency_grants_agency_code_agencies_code_fk" FOREIGN KEY ("agency_code") REFERENCES "public"."agencies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_agency_grants" ADD CONSTRAINT "staff_agency_grants_granted_by_staff_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;