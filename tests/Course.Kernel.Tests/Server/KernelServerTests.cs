using System.Text.Json.Nodes;
using Course.Kernel.Protocol;
using Course.Kernel.Tests.Support;

namespace Course.Kernel.Tests.Server;

/// <summary>The protocol as a front end sees it, against a kernel running in this process.</summary>
public sealed class KernelServerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public void An_execution_publishes_busy_input_outputs_result_and_idle_in_order()
    {
        using var kernel = new InProcessKernel();

        var (reply, iopub) = kernel.Client.Execute("Console.WriteLine(\"hello\");\ndisplay(HTML(\"<b>x</b>\"));\n6 * 7");

        Assert.Equal(
            ["status", "execute_input", "stream", "display_data", "execute_result", "status"],
            iopub.Select(m => m.MessageType));
        Assert.Equal("busy", iopub[0].ContentString("execution_state"));
        Assert.Equal(1, iopub[1].ContentInt("execution_count", 0));
        Assert.Equal("stdout", iopub[2].ContentString("name"));
        Assert.Equal("hello\n", iopub[2].ContentString("text"));
        Assert.Equal("<b>x</b>", iopub[3].Content["data"]!["text/html"]!.GetValue<string>());
        Assert.Contains("<pre>42</pre>", iopub[4].Content["data"]!["text/html"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, iopub[4].ContentInt("execution_count", 0));
        Assert.Equal("ok", reply.ContentString("status"));
        Assert.Equal(1, reply.ContentInt("execution_count", 0));
        Assert.Equal("execute_reply", reply.MessageType);
        Assert.Equal("ok", reply.Metadata["status"]!.GetValue<string>());
    }

    [Fact]
    public void Silent_and_unstored_executions_do_not_advance_the_count()
    {
        using var kernel = new InProcessKernel();

        var (first, _) = kernel.Client.Execute("var x = 1;");
        var (silent, silentIOPub) = kernel.Client.Execute("Console.WriteLine(\"quiet\"); x + 1", silent: true);
        var (unstored, unstoredIOPub) = kernel.Client.Execute("x + 2", storeHistory: false);
        var (second, _) = kernel.Client.Execute("x + 3");

        Assert.Equal(1, first.ContentInt("execution_count", 0));
        Assert.Equal(1, silent.ContentInt("execution_count", 0));
        Assert.Equal(["status", "status"], silentIOPub.Select(m => m.MessageType));
        Assert.Equal(1, unstored.ContentInt("execution_count", 0));
        Assert.Contains(unstoredIOPub, m => m.MessageType == "execute_result" && m.Content["data"]!["text/html"]!.GetValue<string>().Contains("<pre>3</pre>", StringComparison.Ordinal));
        Assert.Equal(2, second.ContentInt("execution_count", 0));
    }

    [Fact]
    public void Compile_errors_and_exceptions_are_error_replies_with_one_error_message()
    {
        using var kernel = new InProcessKernel();

        var (compile, compileIOPub) = kernel.Client.Execute("missing + 1");
        var (thrown, thrownIOPub) = kernel.Client.Execute("int Divide(int a, int b) => a / b;\nDivide(1, 0)");

        Assert.Equal("error", compile.ContentString("status"));
        Assert.Equal(("Error", "compilation error"), (compile.ContentString("ename"), compile.ContentString("evalue")));
        Assert.Single(compileIOPub, m => m.MessageType == "error");
        Assert.Contains(compileIOPub, m => m.MessageType == "stream" && m.ContentString("text").Contains("error CS0103", StringComparison.Ordinal));
        Assert.Equal("error", thrown.ContentString("status"));
        Assert.Equal("System.DivideByZeroException", thrown.ContentString("ename"));
        Assert.Equal(2, thrown.ContentInt("execution_count", 0));
        JsonObject error = thrownIOPub.Single(m => m.MessageType == "error").Content;
        Assert.Contains(error["traceback"]!.AsArray(), line => line!.GetValue<string>().Contains("at Divide(Int32, Int32) in cell 2, line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void An_interrupt_on_the_control_channel_cancels_the_running_cell()
    {
        using var kernel = new InProcessKernel();
        kernel.Client.Execute("var before = 41;");

        string id = kernel.Client.Send(kernel.Client.Shell, "execute_request", TestKernelClient.ExecuteContent("System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);"));
        kernel.Client.WaitForIOPub(id, m => m.MessageType == "execute_input", Wait);
        Thread.Sleep(300);
        string interrupt = kernel.Client.Send(kernel.Client.Control, "interrupt_request", []);

        Assert.Equal("ok", kernel.Client.Reply(kernel.Client.Control, interrupt, Wait)!.ContentString("status"));
        JupyterMessage reply = kernel.Client.Reply(kernel.Client.Shell, id, TimeSpan.FromSeconds(10))!;
        Assert.Equal("error", reply.ContentString("status"));
        Assert.Equal("OperationCanceledException", reply.ContentString("ename"));
        kernel.Client.IOPubUntilIdle(id, Wait);
        var (after, iopub) = kernel.Client.Execute("before + 1");
        Assert.Equal("ok", after.ContentString("status"));
        Assert.Contains("<pre>42</pre>", iopub.Single(m => m.MessageType == "execute_result").Content["data"]!["text/html"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Executions_queued_behind_a_failure_are_aborted_and_later_ones_run()
    {
        using var kernel = new InProcessKernel();
        TestKernelClient client = kernel.Client;

        string failing = client.Send(client.Shell, "execute_request", TestKernelClient.ExecuteContent("System.Threading.Thread.Sleep(500);\nthrow new Exception(\"stop\");"));
        string queued1 = client.Send(client.Shell, "execute_request", TestKernelClient.ExecuteContent("Console.WriteLine(\"must not run\");"));
        string queued2 = client.Send(client.Shell, "is_complete_request", new JsonObject { ["code"] = "1" });

        Assert.Equal("error", client.Reply(client.Shell, failing, Wait)!.ContentString("status"));
        Assert.Equal("aborted", client.Reply(client.Shell, queued1, Wait)!.ContentString("status"));
        Assert.Equal("complete", client.Reply(client.Shell, queued2, Wait)!.ContentString("status"));
        Assert.DoesNotContain(client.IOPubUntilIdle(queued1, Wait), m => m.MessageType == "stream");
        var (later, _) = client.Execute("1");
        Assert.Equal("ok", later.ContentString("status"));
        Assert.Equal(2, later.ContentInt("execution_count", 0));
    }

    [Fact]
    public void A_display_goes_out_with_a_display_id_and_updating_it_sends_nothing_as_in_the_real_kernel()
    {
        using var kernel = new InProcessKernel();

        var (_, iopub) = kernel.Client.Execute("var h = display(\"epoch 1\");\nh.Update(\"epoch 2\");");

        JupyterMessage display = iopub.Single(m => m.MessageType == "display_data");
        Assert.False(string.IsNullOrEmpty(display.Content["transient"]!["display_id"]!.GetValue<string>()));
        Assert.Equal("epoch 1", display.Content["data"]!["text/plain"]!.GetValue<string>());
        Assert.DoesNotContain(iopub, m => m.MessageType == "update_display_data");
    }

    [Fact]
    public void Time_magic_adds_its_wall_time_display()
    {
        using var kernel = new InProcessKernel();

        var (_, iopub) = kernel.Client.Execute("#!time\nSystem.Threading.Thread.Sleep(10);");

        Assert.StartsWith("Wall time: ", iopub.Single(m => m.MessageType == "display_data").Content["data"]!["text/plain"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_heartbeat_echoes_while_a_cell_runs()
    {
        using var kernel = new InProcessKernel();
        string id = kernel.Client.Send(kernel.Client.Shell, "execute_request", TestKernelClient.ExecuteContent("System.Threading.Thread.Sleep(1500);"));
        kernel.Client.WaitForIOPub(id, m => m.MessageType == "execute_input", Wait);

        Assert.Equal("ping", kernel.Client.Ping(TimeSpan.FromSeconds(1)));
        string info = kernel.Client.Send(kernel.Client.Control, "kernel_info_request", []);
        Assert.Equal("5.3", kernel.Client.Reply(kernel.Client.Control, info, TimeSpan.FromSeconds(1))!.ContentString("protocol_version"));
        Assert.Equal("ok", kernel.Client.Reply(kernel.Client.Shell, id, Wait)!.ContentString("status"));
    }

    [Fact]
    public void A_badly_signed_message_is_dropped()
    {
        using var kernel = new InProcessKernel();

        string forged = kernel.Client.Send(kernel.Client.Shell, "execute_request", TestKernelClient.ExecuteContent("1"), new MessageSigner("not the key"));
        Assert.Null(kernel.Client.Reply(kernel.Client.Shell, forged, TimeSpan.FromSeconds(1)));
        Assert.Contains("bad signature", kernel.Log, StringComparison.Ordinal);
        Assert.Equal("ok", kernel.Client.Execute("1").Reply.ContentString("status"));
    }

    [Fact]
    public void Shutdown_with_restart_is_answered_and_broadcast_and_the_kernel_stops()
    {
        using var kernel = new InProcessKernel();

        string id = kernel.Client.Send(kernel.Client.Control, "shutdown_request", new JsonObject { ["restart"] = true });

        JupyterMessage reply = kernel.Client.Reply(kernel.Client.Control, id, Wait)!;
        Assert.Equal("ok", reply.ContentString("status"));
        Assert.True(reply.ContentBool("restart", false));
        Assert.True(kernel.Client.WaitForIOPub(id, m => m.MessageType == "shutdown_reply", Wait).ContentBool("restart", false));
        Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, kernel.ExitCode);
        Assert.True(kernel.Server.RestartRequested);
    }

    [Fact]
    public void History_returns_stored_inputs()
    {
        using var kernel = new InProcessKernel();
        kernel.Client.Execute("1 + 1");
        kernel.Client.Execute("2 + 2", storeHistory: false);
        kernel.Client.Execute("3 + 3");

        JupyterMessage tail = Request(kernel.Client, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 5, ["output"] = true, ["raw"] = true });

        JsonArray history = tail.Content["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal([1, 1], history[0]!.AsArray().Take(2).Select(n => n!.GetValue<int>()));
        Assert.Equal("1 + 1", history[0]![2]![0]!.GetValue<string>());
        Assert.Contains("<pre>2</pre>", history[0]![2]![1]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([1, 2], history[1]!.AsArray().Take(2).Select(n => n!.GetValue<int>()));
        Assert.Contains("<pre>6</pre>", history[1]![2]![1]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JupyterMessage Request(TestKernelClient client, string type, JsonObject content)
    {
        string id = client.Send(client.Shell, type, content);
        JupyterMessage reply = client.Reply(client.Shell, id, Wait) ?? throw new TimeoutException(type);
        client.IOPubUntilIdle(id, Wait);
        return reply;
    }
}
