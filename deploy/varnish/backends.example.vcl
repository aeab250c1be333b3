# backends.vcl for production: copy next to default.vcl as backends.vcl, one
# backend per app server (services/varnish.sh writes the test's own).
vcl 4.1;

backend app1 {
    .host = "10.0.0.11";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # A server that stops answering /healthz leaves the rotation within a few
    # seconds and comes back once it answers again.
    .probe = {
        .request = "GET /healthz HTTP/1.1" "Host: www.example.org" "Connection: close";
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
    }
}

backend app2 {
    .host = "10.0.0.12";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .request = "GET /healthz HTTP/1.1" "Host: www.example.org" "Connection: close";
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
    }
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}
