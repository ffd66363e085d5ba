<%@ page contentType="text/html; charset=UTF-8" pageEncoding="UTF-8" session="false" %><!DOCTYPE html>
<html><head><title>Comité d'entreprise</title></head>
<body><div id="news"><jsp:include page="part.jsp"/></div>
<p>Été — à la une</p>
</body></html>
