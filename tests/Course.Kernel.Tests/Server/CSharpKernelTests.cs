using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using Course.Kernel.Server;
using Course.Kernel.Tests.Support;

namespace Course.Kernel.Tests.Server;

/// <summary>The kernel's executions without the sockets: orderings a front end over the network cannot pin down.</summary>
public sealed class CSharpKernelTests
{
    [Fact]
    public async Task An_interrupt_sent_on_seeing_execute_input_cancels_the_cell()
    {
        // What a front end does (interrupt as soon as the cell is seen to start), at the earliest moment it can: before
        // this ordering was fixed, a busy machine could delay the kernel between publishing execute_input and noting
        // the running cell, and the interrupt then found none and the cell ran on for ever.
        using var kernel = new CSharpKernel(Path.GetTempPath());
        var request = JupyterMessage.Create(
            "execute_request", TestKernelClient.ExecuteContent("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"), "test", null, []);
        bool interrupted = false;

        JsonObject reply = await kernel.ExecuteAsync(request, (type, _) =>
        {
            if (type == "execute_input")
            {
                interrupted = kernel.Interrupt();
            }
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(interrupted, "no cell was running when execute_input was published");
        Assert.Equal("error", reply["status"]!.GetValue<string>());
        Assert.Equal("OperationCanceledException", reply["ename"]!.GetValue<string>());
    }
}
