using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port. It keeps what it accepts,
/// can be told to answer the next messages with other codes (451, 550...), can be made to do something
/// (wait, like a slow server) after a message's final "." and before its reply, and can be stopped and
/// started again on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _script = new();
    private CancellationTokenSource? _running;
    private Task? _serverTask;

    public TestSmtpServer(bool start = true)
    {
        Port = FreePort();
        if (start)
        {
            StartAsync().GetAwaiter().GetResult();
        }
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>Every DATA the server saw, accepted or not.</summary>
    public int Deliveries => _deliveries;

    private int _deliveries;

    /// <summary>Runs after the final "." of delivery n (from 1) and before the reply; the message is kept even if the client has gone.</summary>
    public Func<int, Task>? BeforeReply { get; set; }

    /// <summary>The next messages get these reply codes, in order; after that, 250.</summary>
    public void ReplyWith(params int[] codes)
    {
        foreach (var code in codes)
        {
            _script.Enqueue(code);
        }
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _running = new CancellationTokenSource();
        _serverTask = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_running is null || _serverTask is null)
        {
            return;
        }
        await _running.CancelAsync();
        try { await _serverTask.WaitAsync(TimeSpan.FromSeconds(5)); } catch (OperationCanceledException) { }
        _running.Dispose();
        _running = null;
        _serverTask = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start on port " + Port);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var delivery = Interlocked.Increment(ref server._deliveries);
            if (server.BeforeReply is { } beforeReply)
            {
                await beforeReply(delivery);
            }
            if (server._script.TryDequeue(out var code) && code != 250)
            {
                return new SmtpResponse((SmtpReplyCode)code, "scripted reply " + code);
            }
            using var stream = new MemoryStream(buffer.ToArray());
            server.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
