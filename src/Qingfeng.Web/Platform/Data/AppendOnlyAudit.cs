namespace Qingfeng.Platform.Data;

/// <summary>
/// The database's own refusal to change the audit trail: triggers that abort every UPDATE and DELETE (and, on
/// PostgreSQL, TRUNCATE) of <c>AuditEntries</c> and <c>AuditCheckpoints</c>, whoever sends it. The application never
/// changes these rows (the context refuses it too); an owner who drops the triggers first is what the keyed chain and
/// the checkpoints are for. Applied by the <c>AuditCheckpoints</c> migration of each provider.
/// </summary>
public static class AppendOnlyAudit
{
    /// <summary>The message both providers abort with.</summary>
    public const string Message = "the audit trail is append-only";

    public const string SqliteCreateSql = """
        CREATE TRIGGER "AuditEntries_no_update" BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER "AuditEntries_no_delete" BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER "AuditCheckpoints_no_update" BEFORE UPDATE ON "AuditCheckpoints" BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        CREATE TRIGGER "AuditCheckpoints_no_delete" BEFORE DELETE ON "AuditCheckpoints" BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
        """;

    public const string SqliteDropSql = """
        DROP TRIGGER IF EXISTS "AuditEntries_no_update";
        DROP TRIGGER IF EXISTS "AuditEntries_no_delete";
        DROP TRIGGER IF EXISTS "AuditCheckpoints_no_update";
        DROP TRIGGER IF EXISTS "AuditCheckpoints_no_delete";
        """;

    public const string PostgresCreateSql = """
        CREATE FUNCTION qf_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit trail is append-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        CREATE TRIGGER "AuditEntries_append_only" BEFORE UPDATE OR DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION qf_audit_append_only();
        CREATE TRIGGER "AuditEntries_no_truncate" BEFORE TRUNCATE ON "AuditEntries" FOR EACH STATEMENT EXECUTE FUNCTION qf_audit_append_only();
        CREATE TRIGGER "AuditCheckpoints_append_only" BEFORE UPDATE OR DELETE ON "AuditCheckpoints" FOR EACH ROW EXECUTE FUNCTION qf_audit_append_only();
        CREATE TRIGGER "AuditCheckpoints_no_truncate" BEFORE TRUNCATE ON "AuditCheckpoints" FOR EACH STATEMENT EXECUTE FUNCTION qf_audit_append_only();
        """;

    public const string PostgresDropSql = """
        DROP TRIGGER IF EXISTS "AuditEntries_append_only" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "AuditEntries_no_truncate" ON "AuditEntries";
        DROP TRIGGER IF EXISTS "AuditCheckpoints_append_only" ON "AuditCheckpoints";
        DROP TRIGGER IF EXISTS "AuditCheckpoints_no_truncate" ON "AuditCheckpoints";
        DROP FUNCTION IF EXISTS qf_audit_append_only();
        """;
}
