using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Console;

/// <summary>
/// Debian's headless Chromium driven through /usr/bin/chromedriver (package chromium-driver); no download at run time.
/// Screenshots go to <see cref="ScreenshotDirectory"/> (under the test output).
/// </summary>
internal sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverDirectory = "/usr/bin";

    private Browser(ChromeDriver driver, string screenshots)
    {
        Driver = driver;
        ScreenshotDirectory = screenshots;
    }

    public ChromeDriver Driver { get; }
    public string ScreenshotDirectory { get; }

    public static Browser Start(string name)
    {
        ExternalTool.Require("chromium");
        ExternalTool.Require("chromedriver");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,3600",
            "--no-first-run", "--disable-extensions", "--lang=en-US");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "console-screenshots", name);
        Directory.CreateDirectory(screenshots);
        return new Browser(driver, screenshots);
    }

    public string Screenshot(string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public IWebElement Wait(By by, int seconds = 30) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)).Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed));

    public void WaitUntil(Func<IWebDriver, bool> condition, int seconds = 30, string? what = null)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = what ?? "condition" };
        wait.Until(condition);
    }

    /// <summary>The natural width of an image once the browser has loaded it (0 when it failed).</summary>
    public long NaturalWidth(string id) =>
        Convert.ToInt64(Driver.ExecuteScript($"var i = document.getElementById('{id}'); return i && i.complete ? i.naturalWidth : -1;"),
            System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
