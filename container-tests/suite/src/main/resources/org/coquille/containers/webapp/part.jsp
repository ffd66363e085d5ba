<%@ page pageEncoding="UTF-8" session="false" %><p>Inclus : voyage à Lisbonne, <%= 3 %> places</p></body>
