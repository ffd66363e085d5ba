<%@ page contentType="text/html; charset=UTF-8" session="false" %><% response.setHeader("Content-Encoding", "x-intranet"); %><html><body><p>Encoded by the host.</p></body></html>
