using TinyTorch.Data.Cifar;

namespace TinyTorch.Tests.Data.Cifar;

public class CifarFormatTests
{
    [Fact]
    public void Constants_DescribeTheCifar10BinaryFormat()
    {
        Assert.Equal(3, CifarFormat.Channels);
        Assert.Equal(32, CifarFormat.Height);
        Assert.Equal(32, CifarFormat.Width);
        Assert.Equal(3 * 32 * 32, CifarFormat.ImageBytes);
        Assert.Equal(3073, CifarFormat.RecordBytes);
        Assert.Equal(10, CifarFormat.ClassCount);
        Assert.Equal([3, 32, 32], CifarFormat.ImageShape.ToArray());
    }

    [Fact]
    public void ClassNames_AreTheTenCifar10Classes_InLabelOrder()
    {
        Assert.Equal(
            ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"],
            CifarFormat.ClassNames);
        Assert.Throws<NotSupportedException>(() => ((IList<string>)CifarFormat.ClassNames)[0] = "plane");
    }
}
