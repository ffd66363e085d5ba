<%@ page contentType="text/html; charset=UTF-8" session="false" %><% response.setStatus(410); %><html><body><p>This notice was withdrawn.</p></body></html>
