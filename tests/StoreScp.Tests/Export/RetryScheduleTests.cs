using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Export;

namespace VoxDose.StoreScp.Tests.Export;

public class RetryScheduleTests
{
    private static readonly DateTimeOffset Queued = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Default_schedule_is_30s_2min_10min_then_repeats_the_last_delay_until_24h()
    {
        var schedule = RetrySchedule.From(new ExportOptions());
        Assert.Equal(Queued.AddSeconds(30), schedule.NextAttempt(1, Queued, Queued));
        Assert.Equal(Queued.AddSeconds(30 + 120), schedule.NextAttempt(2, Queued, Queued.AddSeconds(30)));
        Assert.Equal(Queued.AddSeconds(150 + 600), schedule.NextAttempt(3, Queued, Queued.AddSeconds(150)));
        Assert.Equal(Queued.AddHours(5).AddSeconds(3600), schedule.NextAttempt(9, Queued, Queued.AddHours(5)));
        Assert.Null(schedule.NextAttempt(30, Queued, Queued.AddHours(23.5)));
    }

    [Fact]
    public void Total_span_of_the_default_schedule_is_about_24_hours()
    {
        var schedule = RetrySchedule.From(new ExportOptions());
        var now = Queued;
        var attempts = 0;
        for (DateTimeOffset? next = Queued; next is not null; attempts++)
        {
            now = next.Value;
            next = schedule.NextAttempt(attempts + 1, Queued, now);
        }
        Assert.InRange(now - Queued, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.InRange(attempts, 25, 30);
    }

    [Fact]
    public void A_test_schedule_in_seconds_is_honoured()
    {
        var schedule = RetrySchedule.From(new ExportOptions { RetryDelaysSeconds = [1, 2], GiveUpAfterSeconds = 10 });
        Assert.Equal(Queued.AddSeconds(1), schedule.NextAttempt(1, Queued, Queued));
        Assert.Equal(Queued.AddSeconds(3), schedule.NextAttempt(2, Queued, Queued.AddSeconds(1)));
        Assert.Equal(Queued.AddSeconds(9), schedule.NextAttempt(5, Queued, Queued.AddSeconds(7)));
        Assert.Null(schedule.NextAttempt(6, Queued, Queued.AddSeconds(9)));
    }
}
