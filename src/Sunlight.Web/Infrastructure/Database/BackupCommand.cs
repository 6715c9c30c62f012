using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sunlight.Web.Infrastructure.Audit;

namespace Sunlight.Web.Infrastructure.Database;

/// <summary>
/// 备份 / 恢复 from the same executable. SQLite: the online backup API (safe while the app runs), then
/// <c>PRAGMA integrity_check</c> of the copy; the attachments folder (<c>&lt;data&gt;/files</c>, content-addressed and
/// never rewritten) is copied beside it as <c>&lt;file&gt;.files/</c>. PostgreSQL: <c>pg_dump</c>/<c>pg_restore</c>
/// (custom format) when they are on PATH; the attachments folder is copied the same way. A restore refuses a database
/// that already holds accounts unless <c>--force</c>, and verifies the audit chain afterwards.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> BackupAsync(IServiceProvider services, string? file, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            Console.Error.WriteLine("用法：sunlight backup <备份文件>");
            return 2;
        }
        var config = services.GetRequiredService<IConfiguration>();
        file = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        if (DatabaseSetup.Provider(config) == DatabaseProvider.Postgres)
        {
            if (await PgAsync("pg_dump", ["--format=custom", "--no-owner", "--file", file], config, ct) is { } error)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
        }
        else
        {
            File.Delete(file);
            await using (var source = new SqliteConnection(DatabaseSetup.ConnectionString(config)))
            await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                await using var check = target.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                var result = (string?)await check.ExecuteScalarAsync(ct);
                if (result != "ok")
                {
                    Console.Error.WriteLine($"备份文件完整性检查未通过：{result}");
                    return 1;
                }
            }
        }
        var copied = CopyFiles(Path.Combine(DatabaseSetup.DataDirectory(config), "files"), file + ".files");
        Console.WriteLine($"备份完成：{file}（附件 {copied} 个，位于 {file}.files）");
        return 0;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string? file, bool force, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
        {
            Console.Error.WriteLine("用法：sunlight restore <备份文件> [--force]（备份文件须存在）");
            return 2;
        }
        var config = services.GetRequiredService<IConfiguration>();
        file = Path.GetFullPath(file);
        if (!force && await HoldsDataAsync(services, ct))
        {
            Console.Error.WriteLine("目标数据库已有数据，恢复会覆盖它。确认覆盖请加 --force。");
            return 1;
        }
        if (DatabaseSetup.Provider(config) == DatabaseProvider.Postgres)
        {
            if (await PgAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", file], config, ct) is { } error)
            {
                Console.Error.WriteLine(error);
                return 1;
            }
        }
        else
        {
            SqliteConnection.ClearAllPools();
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using var target = new SqliteConnection(DatabaseSetup.ConnectionString(config));
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
        }
        var copied = CopyFiles(file + ".files", Path.Combine(DatabaseSetup.DataDirectory(config), "files"));
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        if (await AuditChain.VerifyAsync(db, ct) is { } broken)
        {
            Console.Error.WriteLine($"已恢复，但审计链校验未通过：第 {broken.Entry.Sequence} 条，{broken.Reason}");
            return 1;
        }
        Console.WriteLine($"恢复完成：{file}（附件 {copied} 个），审计链校验通过。");
        return 0;
    }

    private static async Task<bool> HoldsDataAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SunlightDbContext>();
        try
        {
            return await db.Users.AnyAsync(ct);
        }
        catch (Exception e) when (e is SqliteException or PostgresException)
        {
            return false; // no tables yet: an empty database
        }
    }

    /// <summary>Copies files that are not there yet (content-addressed: same name, same bytes).</summary>
    private static int CopyFiles(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return 0;
        }
        var count = 0;
        foreach (var path in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, path);
            if (relative.StartsWith("tmp", StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Copy(path, target);
            }
            count++;
        }
        return count;
    }

    /// <summary>Runs pg_dump/pg_restore with the connection in PG* variables; a Chinese message when it cannot.</summary>
    private static async Task<string?> PgAsync(string tool, string[] args, IConfiguration config, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(DatabaseSetup.ConnectionString(config));
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        if (tool == "pg_restore")
        {
            start.ArgumentList.Insert(0, "--dbname=" + cs.Database);
        }
        else
        {
            start.ArgumentList.Add(cs.Database!);
        }
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = cs.Username;
        start.Environment["PGPASSWORD"] = cs.Password;
        try
        {
            using var process = Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return process.ExitCode == 0 ? null : $"{tool} 执行失败（退出码 {process.ExitCode}）：{stderr}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"未找到 {tool}：PostgreSQL 的备份与恢复需要 PostgreSQL 客户端工具（{tool}）在 PATH 中，请安装 postgresql-client 后重试。";
        }
    }
}
