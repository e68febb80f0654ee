using TinyTorch.Analysis.Simulation;
using TinyTorch.Analysis.Tests.Support;
using TinyTorch.Data;

namespace TinyTorch.Analysis.Tests.Simulation;

public sealed class SimulatedLatencyDatasetTests
{
    [Fact]
    public void ServesExactlyTheWrappedSamples()
    {
        var inner = SmallData.Images(6);
        var slow = new SimulatedLatencyDataset(inner, TimeSpan.FromMilliseconds(0.05));

        Assert.Equal(6, slow.Count);
        for (int i = 0; i < inner.Count; i++)
        {
            Assert.True(slow[i][0].ValueEquals(inner[i][0]));
            Assert.True(slow[i][1].ValueEquals(inner[i][1]));
        }
    }

    [Fact]
    public void KeepsTheLoadersRowCopyPathAndItsBatches()
    {
        var inner = SmallData.Images(10);
        var slow = new SimulatedLatencyDataset(inner, TimeSpan.Zero);

        Assert.True(slow.CanCopyRows);
        var expected = new DataLoader(inner, 4).Select(b => b.Clone()).ToArray();
        var actual = new DataLoader(slow, 4, numWorkers: 2).Select(b => b.Clone()).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (int b = 0; b < expected.Length; b++)
        {
            Assert.True(expected[b][0].ValueEquals(actual[b][0]));
            Assert.True(expected[b][1].ValueEquals(actual[b][1]));
        }
    }

    [Fact]
    public void RejectsANegativeLatency() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedLatencyDataset(SmallData.Images(1), TimeSpan.FromMilliseconds(-1)));
}
