using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Sunlight.Web.Infrastructure.Database;
using Sunlight.Web.Infrastructure.Jobs;

namespace Sunlight.Web.Features.Platform.Notifications;

/// <summary>
/// Sends pending mails. With <c>Sunlight:Smtp:Host</c> set it uses SMTP (MailKit); otherwise each mail is written as an
/// .eml file under <c>&lt;data&gt;/mail</c>, so mail works out of the box and tests can read what was sent.
/// </summary>
internal sealed class MailOutboxJob(SunlightDbContext db, IConfiguration config, TimeProvider clock, ILogger<MailOutboxJob> log) : IScheduledJob
{
    public string Name => "mail-outbox";
    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var pending = await db.Set<OutboxMail>().Where(m => m.SentAt == null && m.Attempts < 5).OrderBy(m => m.Id).Take(100).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return;
        }
        var host = config["Sunlight:Smtp:Host"];
        using var smtp = string.IsNullOrWhiteSpace(host) ? null : new SmtpClient();
        if (smtp is not null)
        {
            await smtp.ConnectAsync(host!, config.GetValue("Sunlight:Smtp:Port", 25), SecureSocketOptions.Auto, ct);
            if (config["Sunlight:Smtp:UserName"] is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, config["Sunlight:Smtp:Password"] ?? "", ct);
            }
        }
        var from = config["Sunlight:Smtp:From"] ?? "sunlight@localhost";
        foreach (var mail in pending)
        {
            mail.Attempts++;
            try
            {
                using var message = new MimeMessage();
                message.From.Add(new MailboxAddress("阳光执法监督平台", from));
                message.To.Add(MailboxAddress.Parse(mail.To));
                message.Subject = mail.Subject;
                message.Date = mail.CreatedAt;
                message.MessageId = $"outbox-{mail.Id}@sunlight";
                message.Body = new TextPart("plain") { Text = mail.Body };
                if (smtp is not null)
                {
                    await smtp.SendAsync(message, ct);
                }
                else
                {
                    var dir = Path.Combine(DatabaseSetup.DataDirectory(config), "mail");
                    Directory.CreateDirectory(dir);
                    await message.WriteToAsync(Path.Combine(dir, $"{mail.Id:D8}.eml"), ct);
                }
                mail.SentAt = clock.GetUtcNow();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                mail.LastError = ex.Message;
                log.LogWarning(ex, "邮件 {Id} 发送失败", mail.Id);
            }
        }
        if (smtp is not null)
        {
            await smtp.DisconnectAsync(true, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
