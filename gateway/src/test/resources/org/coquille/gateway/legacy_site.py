"""A first-generation intranet for the gateway's tests: Python's own http.server, in a process of its own.

Usage: python3 legacy_site.py PORT_FILE
It listens on a free loopback port, writes that port to PORT_FILE, and serves:
  /                      an HTML page in ISO-8859-1, with a Content-Length and an ETag (304 when it is matched)
  /actualites/conges.html   another page
  /login                 a 302 to the intranet's own absolute address, with a cookie for the intranet's domain
  /docs/rapport.pdf      binary bytes (every byte value)
  .../gzip.html          the same page gzipped when the request accepts gzip, plain otherwise
  .../stream             an HTML page sent in three chunks a second apart (chunked transfer encoding)
  /slow.html             answers after 5 seconds
  /empty.html            an HTML page of no bytes at all, with an ETag
  /big.html              a 1.7 MB page (bigger than the largest array Coquille keeps for pages), with a Content-Length
  /huge.html             a 2.9 MB page (bigger than the largest page Coquille holds), chunked, with an ETag
  .../broken.html        announces 10000 bytes, sends 3000 of them and closes the connection
  /docs/export.csv       sends the first chunk of a chunked CSV export and closes the connection
  .../echo               shows the request's headers as text/plain (what reached the intranet)
"""
import gzip
import http.server
import socketserver
import sys
import time

PAGE = ("<!DOCTYPE html>\n<html><head><meta charset=\"ISO-8859-1\"><title>Intranet - Accueil</title></head>\n"
        "<body><h1>Bienvenue sur l'intranet</h1>\n<p>Menu du restaurant : cr\u00e8me br\u00fbl\u00e9e.</p>\n"
        "</body>\n</html>\n").encode("iso-8859-1")
CONGES = ("<!DOCTYPE html>\n<html><head><title>Cong\u00e9s</title></head>\n<body><h1>Cong\u00e9s 2027</h1>\n"
          "<p>Posez vos cong\u00e9s avant le 31 mars.</p></body></html>\n").encode("iso-8859-1")
BINARY = bytes(range(256)) * 64
PARAGRAPH = "<p>Note de service n° %06d : la cantine ferme à 14 h.</p>\n"
BIG = ("<!DOCTYPE html>\n<html><head><title>Archives</title></head>\n<body><h1>Archives</h1>\n"
       + "".join(PARAGRAPH % i for i in range(30000)) + "</body></html>\n").encode("iso-8859-1")
HUGE = ("<!DOCTYPE html>\n<html><head><title>Annuaire</title></head>\n<body>\n"
        + "".join(PARAGRAPH % i for i in range(50000)) + "</body></html>\n").encode("iso-8859-1")


class LegacySite(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send_body(self, status, content_type, body, extra=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_chunked(self, parts, pause, extra=(), finish=True, content_type="text/html; charset=utf-8"):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command == "HEAD":
            return
        for part in parts:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.flush()
            time.sleep(pause)
        if finish:
            self.wfile.write(b"0\r\n\r\n")

    def do_HEAD(self):
        self.do_GET()

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        self.send_body(200, "text/plain; charset=utf-8", b"posted: " + body)

    def do_GET(self):
        host = self.server.server_address[0] + ":" + str(self.server.server_address[1])
        if (self.path == "/" or self.path == "/index.html") and self.headers.get("If-None-Match") == "\"accueil-1\"":
            self.send_response(304)
            self.send_header("ETag", "\"accueil-1\"")
            self.end_headers()
        elif self.path == "/" or self.path == "/index.html":
            self.send_body(200, "text/html; charset=ISO-8859-1", PAGE, [("ETag", "\"accueil-1\"")])
        elif self.path == "/empty.html":
            self.send_body(200, "text/html; charset=ISO-8859-1", b"", [("ETag", "\"vide-1\"")])
        elif self.path == "/big.html":
            self.send_body(200, "text/html; charset=ISO-8859-1", BIG)
        elif self.path == "/huge.html":
            self.send_chunked([HUGE[i:i + 65536] for i in range(0, len(HUGE), 65536)], 0, [("ETag", "\"annuaire-1\"")],
                              content_type="text/html; charset=ISO-8859-1")
        elif self.path.endswith("/broken.html"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=ISO-8859-1")
            self.send_header("Content-Length", "10000")
            self.end_headers()
            self.wfile.write(BIG[:3000])
            self.wfile.flush()
            self.close_connection = True
        elif self.path == "/docs/export.csv":
            self.send_chunked([b"nom;service\r\n" * 200], 0.3, [], finish=False, content_type="text/csv")
            self.close_connection = True
        elif self.path == "/actualites/conges.html":
            self.send_body(200, "text/html; charset=ISO-8859-1", CONGES)
        elif self.path == "/login":
            self.send_body(302, "text/html", b"<a href=\"/\">Accueil</a>",
                           [("Location", "http://" + host + "/?welcome=1"),
                            ("Set-Cookie", "JSESSIONID=abc123; Domain=" + self.server.server_address[0]
                             + "; Path=/; HttpOnly")])
        elif self.path == "/docs/rapport.pdf":
            self.send_body(200, "application/pdf", BINARY,
                           [("Content-Disposition", "attachment; filename=rapport.pdf")])
        elif self.path.endswith("gzip.html"):
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                self.send_body(200, "text/html; charset=ISO-8859-1", gzip.compress(PAGE, mtime=0),
                               [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")])
            else:
                self.send_body(200, "text/html; charset=ISO-8859-1", PAGE, [("Vary", "Accept-Encoding")])
        elif self.path.endswith("/stream"):
            self.send_chunked([b"<html><body><p>one</p>", b"<p>two</p>", b"<p>three</p></body></html>"], 1)
        elif self.path == "/slow.html":
            time.sleep(5)
            self.send_body(200, "text/html", PAGE)
        elif self.path.endswith("/echo"):
            lines = "".join(name + ": " + value + "\n" for name, value in self.headers.items())
            self.send_body(200, "text/plain; charset=utf-8", lines.encode("utf-8"))
        else:
            self.send_body(404, "text/html", b"<h1>Not found</h1>")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


if __name__ == "__main__":
    server = Server(("127.0.0.1", 0), LegacySite)
    with open(sys.argv[1], "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()
