using System.Globalization;
using OpenQA.Selenium;
using VoxDose.Dicom;
using VoxDose.Interop.Tests.Reporting;
using VoxDose.StoreScp.Audit;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Console;

/// <summary>
/// The console in a real browser (headless Chromium) against a node that computed the phantom: a physicist logs in,
/// finds and opens the study, the DVH and slice images load, the slices scroll, approves, and the VERIFIED SR reaches
/// the destination (checked by dciodvfy); every page is photographed; logout ends the session.
/// </summary>
[Trait("Category", "Interop")]
public sealed class ConsoleBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Physicist_reviews_and_approves_the_phantom_in_a_real_browser()
    {
        await using var node = await ConsoleNode.StartAsync();
        var phantom = await node.SendPhantomAsync();
        var studyUid = phantom.Identity.StudyInstanceUid;
        var study = await node.WaitForStateAsync(studyUid, StudyState.Exported, TimeSpan.FromMinutes(4));
        // Sent at once as UNVERIFIED (Export:RequireApproval is false by default).
        var unverified = await node.WaitForReceivedAsync(d => d.GetString(DicomTag.Modality) == "SR", TimeSpan.FromSeconds(30));
        Assert.Equal("UNVERIFIED", unverified.Dataset.GetString(DicomTag.VerificationFlag));

        using var browser = Browser.Start(nameof(Physicist_reviews_and_approves_the_phantom_in_a_real_browser));
        var d = browser.Driver;
        var site = node.Url.ToString().TrimEnd('/');

        // No page without login: the overview sends us to the login page.
        d.Navigate().GoToUrl(site + "/");
        browser.Wait(By.Id("login"));
        Assert.Contains("/login", d.Url, StringComparison.Ordinal);
        browser.Screenshot("01-login");
        d.FindElement(By.Id("name")).SendKeys("phys");
        d.FindElement(By.Id("password")).SendKeys(ConsoleNode.Password);
        d.FindElement(By.Id("login")).Click();
        browser.Wait(By.Id("listener"));
        Assert.Contains("VOXDOSE", d.FindElement(By.Id("listener")).Text, StringComparison.Ordinal);
        browser.Screenshot("02-overview");

        // Find the study by patient ID.
        d.Navigate().GoToUrl(site + "/studies");
        d.FindElement(By.Name("patientId")).SendKeys(phantom.Identity.PatientId);
        d.FindElement(By.Id("search-button")).Click();
        var link = browser.Wait(By.CssSelector($"#studies a[href='/studies/{studyUid}']"));
        browser.Screenshot("03-studies");
        link.Click();

        // The study: DVH and slice rendered by the server and loaded by the browser.
        browser.Wait(By.Id("rois"));
        browser.WaitUntil(_ => browser.NaturalWidth("dvh") > 0 && browser.NaturalWidth("slice") > 0, 90, "DVH and slice images load");
        Assert.True(browser.NaturalWidth("dvh") > 0);
        Assert.True(browser.NaturalWidth("slice") > 0);
        browser.Screenshot("04-study");

        // Scroll through slices: the wheel on the image and the arrow keys move the slice and a new image loads.
        var slider = d.FindElement(By.Id("slice-index"));
        var before = int.Parse(slider.GetAttribute("value")!, CultureInfo.InvariantCulture);
        var image = d.FindElement(By.Id("slice"));
        for (var i = 0; i < 3; i++)
            d.ExecuteScript("arguments[0].dispatchEvent(new WheelEvent('wheel', { deltaY: 120, bubbles: true, cancelable: true }));", image);
        browser.WaitUntil(_ => int.Parse(slider.GetAttribute("value")!, CultureInfo.InvariantCulture) == before + 3, 10, "wheel moves the slice");
        browser.WaitUntil(_ => image.GetAttribute("src")!.Contains($"k={before + 3}", StringComparison.Ordinal) && browser.NaturalWidth("slice") > 0, 60,
            "the scrolled slice loads");
        new OpenQA.Selenium.Interactions.Actions(d).SendKeys(Keys.ArrowDown).Perform();
        browser.WaitUntil(_ => int.Parse(slider.GetAttribute("value")!, CultureInfo.InvariantCulture) == before + 2, 10, "arrow key moves the slice");
        browser.WaitUntil(_ => image.GetAttribute("src")!.Contains($"k={before + 2}", StringComparison.Ordinal) && browser.NaturalWidth("slice") > 0, 60);
        browser.Screenshot("05-study-scrolled");

        // Approve: the SR is re-issued VERIFIED and follows the unverified one to the destination.
        d.FindElement(By.Id("approve")).Click();
        var approved = browser.Wait(By.Id("approved"));
        Assert.Contains("approved by phys", approved.Text, StringComparison.Ordinal);
        browser.Screenshot("06-approved");
        var verified = await node.WaitForReceivedAsync(ds => ds.GetString(DicomTag.Modality) == "SR" && ds.GetString(DicomTag.VerificationFlag) == "VERIFIED",
            TimeSpan.FromSeconds(60));
        var observer = Assert.Single(verified.Dataset.GetSequence(DicomTag.VerifyingObserverSequence));
        Assert.Equal("phys^", observer.GetString(DicomTag.VerifyingObserverName));
        Assert.Equal(unverified.Dataset.GetString(DicomTag.SOPInstanceUID),
            verified.Dataset.GetSequence(DicomTag.PredecessorDocumentsSequence)[0].GetSequence(DicomTag.ReferencedSeriesSequence)[0]
                .GetSequence(DicomTag.ReferencedSOPSequence)[0].GetString(DicomTag.ReferencedSOPInstanceUID));
        var check = Dciodvfy.Run(verified.Path);
        output.WriteLine("dciodvfy verified SR: " + string.Join(" | ", check.Errors.Concat(check.Warnings.Distinct())));
        Assert.Empty(check.Errors);
        Assert.All(check.Warnings, w => Assert.Contains("99VOXDOSE", w, StringComparison.Ordinal));
        await node.WaitForReceivedAsync(ds => ds.GetString(DicomTag.DocumentTitle)?.Contains("approved", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));

        // The other pages, photographed.
        foreach (var (path, id, shot) in new[] { ("/events", "events", "07-events"), ("/associations", "associations", "08-associations"), ("/configuration", "configuration", "09-configuration") })
        {
            d.Navigate().GoToUrl(site + path);
            browser.Wait(By.Id(id));
            browser.Screenshot(shot);
        }
        d.Navigate().GoToUrl(site + "/events?kind=approved");
        Assert.Contains("approved by phys", browser.Wait(By.Id("events")).Text, StringComparison.Ordinal);

        // Log out: the session ends, pages ask for a login again.
        d.FindElement(By.Id("logout")).Click();
        browser.Wait(By.Id("login"));
        d.Navigate().GoToUrl(site + $"/studies/{studyUid}");
        browser.Wait(By.Id("login"));
        Assert.Contains("/login", d.Url, StringComparison.Ordinal);

        // The administrator logs in from there and lands on the page asked for; then the users page.
        d.FindElement(By.Id("name")).SendKeys("admin");
        d.FindElement(By.Id("password")).SendKeys(ConsoleNode.Password);
        d.FindElement(By.Id("login")).Click();
        browser.Wait(By.Id("rois"));
        Assert.EndsWith($"/studies/{studyUid}", d.Url, StringComparison.Ordinal);
        d.Navigate().GoToUrl(site + "/users");
        browser.Wait(By.Id("users"));
        browser.Screenshot("10-users");
        output.WriteLine($"Screenshots: {browser.ScreenshotDirectory} (study {study.StudyUid}, revision {study.Revision})");
    }
}
