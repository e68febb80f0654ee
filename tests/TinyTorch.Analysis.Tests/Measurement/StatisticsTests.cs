using TinyTorch.Analysis.Measurement;

namespace TinyTorch.Analysis.Tests.Measurement;

public sealed class StatisticsTests
{
    [Fact]
    public void The_median_of_an_odd_count_is_the_middle_value_whatever_the_order() =>
        Assert.Equal(3.0, Statistics.Median([9.0, 3.0, 1.0, 100.0, 2.0]));

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, Statistics.Median([4.0, 1.0, 3.0, 2.0]));

    [Fact]
    public void One_outlier_does_not_move_it() =>
        Assert.Equal(Statistics.Median([1.0, 2.0, 3.0]), Statistics.Median([1.0, 2.0, 1e9]));

    [Fact]
    public void No_samples_is_refused() =>
        Assert.Throws<ArgumentException>(() => Statistics.Median([]));
}
