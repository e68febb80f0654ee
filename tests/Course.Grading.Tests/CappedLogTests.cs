using Course.Grading.Running;

namespace Course.Grading.Tests;

public sealed class CappedLogTests
{
    [Fact]
    public void Keeps_the_first_and_last_lines_and_says_how_many_were_cut()
    {
        var log = new CappedLog(headLines: 3, tailLines: 2);
        for (int i = 0; i < 1_000; i++)
        {
            log.Add($"line {i}");
        }

        string[] kept = log.ToString().TrimEnd().Split(Environment.NewLine);

        Assert.Equal(["line 0", "line 1", "line 2", "… 995 lines cut …", "line 998", "line 999"], kept);
        Assert.Equal(995, log.Dropped);
    }

    [Fact]
    public void Cuts_a_huge_line()
    {
        var log = new CappedLog();
        log.Add(new string('x', 1_000_000));

        Assert.True(log.ToString().Length < 3_000);
        Assert.Contains("998000 more characters cut", log.ToString());
    }
}
