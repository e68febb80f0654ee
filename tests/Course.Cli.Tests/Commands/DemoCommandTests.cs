using Course.Cli.Commands;

namespace Course.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public void Streams_shuffled_augmented_batches_lazily_and_reports_them()
    {
        var output = new StringWriter();

        DemoCommand.Run(new DemoOptions(Records: 300, BatchSize: 32, Epochs: 2, Workers: 1, Seed: 7, DataPath: null), output);

        string text = output.ToString();
        Assert.Contains("Wrote 300 synthetic CIFAR records", text);
        Assert.Contains("records decoded so far: 0", text);
        Assert.Contains("Epoch 1: 10 batches (images [32, 3, 32, 32], labels [32])", text);
        Assert.Contains("Epoch 2: 10 batches", text);
        Assert.Contains("Records decoded in all: 600", text);
    }

    [Theory]
    [InlineData(0, 1, "--records must be at least 1, but was 0")]
    [InlineData(10, 0, "--epochs must be at least 1, but was 0")]
    public void Rejects_bad_settings_naming_the_value(int records, int epochs, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            DemoCommand.Run(new DemoOptions(records, 32, epochs, 0, 1, null), TextWriter.Null));
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size must be at least 1, but was 0.")]
    [InlineData("--workers", "-1", "--workers must be 0 or more, but was -1.")]
    [InlineData("--records", "0", "--records must be at least 1, but was 0.")]
    public async Task A_bad_setting_is_one_line_naming_it_before_anything_is_written(string option, string value, string message)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = await CourseCommand.InvokeAsync(["demo", option, value], stdout, stderr);

        Assert.Equal((1, "", $"course demo: {message}\n"), (code, stdout.ToString(), stderr.ToString().ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task A_missing_data_file_is_an_error_naming_it()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = await CourseCommand.InvokeAsync(["demo", "--data", "/no/such/file.bin"], stdout, stderr);

        Assert.Equal(1, code);
        Assert.Contains("/no/such/file.bin", stderr.ToString());
    }
}
