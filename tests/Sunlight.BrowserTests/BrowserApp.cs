using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sunlight.BrowserTests;

/// <summary>
/// The real app started as a process on a free port (SQLite in a temp folder, demo county, known password) and
/// Debian's Chromium driven by Playwright. One per test class; each test gets a fresh browser context.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Password = "Test-passw0rd";
    private readonly StringBuilder _output = new();
    private Process? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sunlight-browser", Guid.NewGuid().ToString("N"));
    public IBrowser Browser { get; private set; } = null!;
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "Sunlight.Web");
        var dll = Path.Combine(project, "bin", "Debug", "net10.0", "Sunlight.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"找不到 {dll}：请先 dotnet build。");
        }
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl, "--contentRoot", project])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Sunlight__DataDirectory"] = DataDirectory;
        start.Environment["Sunlight__AdminPassword"] = Password;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in ExtraEnvironment)
        {
            start.Environment[key] = value;
        }
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _app.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_app.HasExited)
            {
                throw new InvalidOperationException("应用启动失败：\n" + Output);
            }
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("应用在 90 秒内未就绪：\n" + Output);
            }
            await Task.Delay(250);
        }

        await WarmUpAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // No network beyond localhost here: keep Chromium from calling home (it would stall on refused connections).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// The first requests compile Razor views and start EF, Identity and the data protection keys: on a busy 2-core
    /// machine that once took longer than a test's 15 s. Done here once, with no time limit but the process's health,
    /// so no test pays for it: the home page, the login page and a real sign-in (antiforgery + password hash).
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        await http.GetAsync("/");
        var login = await http.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "supervisor",
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"预热登录失败：{(int)signIn.StatusCode}\n" + Output);
        }
        await http.GetAsync("/");
    }

    /// <summary>Environment for the app process that a derived fixture needs.</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = [];

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(phone
            ? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN", BaseURL = BaseUrl }
            : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "zh-CN", BaseURL = BaseUrl });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real login form.</summary>
    public async Task<IPage> LoginAsync(string userName, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        // A generous limit for the navigation itself: the fixture warmed the app up, but the machine may be busy.
        await page.GotoAsync("/Account/Login", new() { Timeout = 60_000 });
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sunlight.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("找不到 Sunlight.sln");
    }
}
