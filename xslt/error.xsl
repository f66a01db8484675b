<?xml version="1.0" encoding="UTF-8"?>
<!-- error.xsl: the error page for every status, in the site's layout. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title">
    <xsl:apply-templates select="error" mode="heading"/>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <section class="card error">
      <p class="error-code"><xsl:value-of select="error/@status"/></p>
      <h1><xsl:apply-templates select="error" mode="heading"/></h1>
      <p><xsl:apply-templates select="error" mode="text"/></p>
      <xsl:if test="error/@personal and not(/page/session/person)">
        <p><l:m>蓝码和答题只能在领取时所用的设备上打开；如果你绑定过手机号，请先<a href="/account">登录</a>再打开。</l:m></p>
      </xsl:if>
      <xsl:if test="error/@lesson = 'early'">
        <p><l:m>请先认真读完这个课时（至少需要阅读时间的九成），再点“我已学完”。</l:m><a href="{error/@back}">返回课时</a></p>
      </xsl:if>
      <xsl:if test="error/@unit = 'sign-in'">
        <p><l:m>单位的页面需要先<a href="/account">登录</a>。</l:m></p>
      </xsl:if>
      <xsl:if test="error/@unit = 'not-admin'">
        <p><l:m>只有单位管理员可以管理成员、导出名单和下载加入海报。</l:m><a href="/unit">返回我的单位</a></p>
      </xsl:if>
      <p><a class="button" href="/">返回首页</a></p>
    </section>
  </xsl:template>

  <xsl:template match="error" mode="heading">
    <xsl:choose>
      <xsl:when test="@status = 400">请求有误</xsl:when>
      <xsl:when test="@status = 403">无法完成此操作</xsl:when>
      <xsl:when test="@status = 404">页面不存在</xsl:when>
      <xsl:when test="@status = 405">不支持此操作</xsl:when>
      <xsl:when test="@status = 409">操作未执行</xsl:when>
      <xsl:when test="@status = 413">提交的内容过大</xsl:when>
      <xsl:when test="@status = 415">提交格式不受支持</xsl:when>
      <xsl:when test="@status = 429">操作过于频繁</xsl:when>
      <xsl:when test="@status = 503">服务暂时不可用</xsl:when>
      <xsl:otherwise>服务器出错了</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="error" mode="text">
    <xsl:choose>
      <xsl:when test="@status = 400">提交的内容格式不正确或包含无法识别的字符，请返回上一页检查后重试。</xsl:when>
      <xsl:when test="@status = 403">页面可能已经过期，或你没有访问此内容的权限。请刷新原页面后重试。</xsl:when>
      <xsl:when test="@status = 404">你访问的页面不存在，可能是链接有误或内容已被移除。</xsl:when>
      <xsl:when test="@status = 405">此地址不支持这种访问方式。</xsl:when>
      <xsl:when test="@status = 409">该操作已经完成过，或与当前状态不符（例如蓝码已被撤销）。</xsl:when>
      <xsl:when test="@status = 413">上传的文件或填写的内容超过了大小限制，请缩小后重试。</xsl:when>
      <xsl:when test="@status = 415">请通过页面上的表单提交。</xsl:when>
      <xsl:when test="@status = 429 and @quiz">这台设备（或所在网络）一小时内开始的答题次数已达上限，请一小时后再试。已经开始的答题不受影响，可在“我的蓝码”中继续。</xsl:when>
      <xsl:when test="@status = 429">请求过于频繁，请稍等片刻再试。</xsl:when>
      <xsl:when test="@status = 503">系统正在维护或繁忙，请稍后再试。你的答题记录不会丢失。</xsl:when>
      <xsl:otherwise>处理请求时发生内部错误，已记录在案，请稍后再试。</xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
