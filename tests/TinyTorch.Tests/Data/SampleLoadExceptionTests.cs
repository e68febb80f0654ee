using TinyTorch.Data;

namespace TinyTorch.Tests.Data;

public class SampleLoadExceptionTests
{
    [Fact]
    public void Constructor_RecordsSampleBatchAndCause()
    {
        var inner = new IOException("disk gone");

        var ex = new SampleLoadException(42, 3, inner);

        Assert.Equal(42, ex.SampleIndex);
        Assert.Equal(3, ex.BatchIndex);
        Assert.Same(inner, ex.InnerException);
        Assert.Contains("42", ex.Message);
        Assert.Contains("batch 3", ex.Message);
        Assert.Contains(nameof(IOException), ex.Message);
        Assert.Contains("disk gone", ex.Message);
    }
}
